// Test-wide settings. @oclif/test sets NODE_ENV=test, which would make oclif load the `typescript`
// package to map dist -> sources; tests run the fresh build (pretest) instead. KBE_CHECK_SPLICE makes
// every save (in-process and in the kbe subprocesses, which inherit it) check its spliced sections
// against a full encoding: a stored object changed in place without a store write fails the test.
import {settings} from '@oclif/core'

settings.enableAutoTranspile = false
process.env.OCLIF_SKIP_NEW_VERSION_CHECK = 'true'
process.env.TZ = 'UTC'
process.env.KBE_CHECK_SPLICE = '1'
