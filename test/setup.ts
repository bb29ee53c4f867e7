// Test-wide settings. @oclif/test sets NODE_ENV=test, which would make oclif load the `typescript`
// package to map dist -> sources; tests run the fresh build (pretest) instead.
import {settings} from '@oclif/core'

settings.enableAutoTranspile = false
process.env.OCLIF_SKIP_NEW_VERSION_CHECK = 'true'
process.env.TZ = 'UTC'
