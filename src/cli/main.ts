// The process entry behind bin/run.js: kubectl's argument order (global flags first) is normalized, oclif
// dispatches to the command, and whatever escapes a command — an unknown command, a bug — is printed the
// kubectl way with exit 1 instead of oclif's own format.

import {Errors, flush, run} from '@oclif/core'
import {normalizeArgv} from './argv.js'
import {formatError, isExpectedError} from './errors.js'
import {KBE_COMMANDS, unknownCommandText} from './suggest.js'

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
    else if (/^command (\S+) not found$/.test(err.message)) process.stderr.write(unexpectedArgsText(args) ?? unknownCommandText(args[0] ?? ''))
    else {
      if (process.env.KBE_DEBUG) process.stderr.write(`${err.stack}\n`)
      process.stderr.write(`error: ${err.message}\n`)
    }
    process.exit(1)
  }
}

/**
 * oclif reads `kbe create get` as the command "create get" when `create` takes no arguments; kubectl
 * runs `create` and rejects the extra words. Returns kubectl's usage error for that case, or undefined
 * when the first word is not a command that runs by itself (a typo, or a group like `rollout`).
 */
function unexpectedArgsText(args: string[]): string | undefined {
  const [command, ...rest] = args
  // Words after the first flag may be flag values: only the words before it are surely arguments.
  const firstFlag = rest.findIndex((a) => a.startsWith('-'))
  const extra = firstFlag === -1 ? rest : rest.slice(0, firstFlag)
  if (!command || command === 'rollout' || !KBE_COMMANDS.includes(command) || extra.length === 0) return undefined
  return `error: Unexpected args: [${extra.join(' ')}]\nSee 'kbe ${command} -h' for help and examples\n`
}
