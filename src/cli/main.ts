// The process entry behind bin/run.js: kubectl's argument order (global flags first) is normalized, oclif
// dispatches to the command, and whatever escapes a command — an unknown command, a bug — is printed the
// kubectl way with exit 1 instead of oclif's own format.

import {Errors, flush, run} from '@oclif/core'
import {normalizeArgv} from './argv.js'
import {formatError, isExpectedError} from './errors.js'
import {unknownCommandText} from './suggest.js'

/** Runs kbe with `argv` (without node and script); `root` is the URL of the bin script. */
export async function main(argv: string[], root: string): Promise<void> {
  const args = normalizeArgv(argv)
  try {
    await run(args, root)
    await flush()
  } catch (error) {
    if (error instanceof Errors.ExitError) {
      await flush()
      process.exit(error.oclif.exit)
    }
    const err = error as Error
    if (isExpectedError(err)) process.stderr.write(formatError(err))
    else if (/^command (\S+) not found$/.test(err.message)) process.stderr.write(unknownCommandText(args[0] ?? ''))
    else {
      if (process.env.KBE_DEBUG) process.stderr.write(`${err.stack}\n`)
      process.stderr.write(`error: ${err.message}\n`)
    }
    process.exit(1)
  }
}
