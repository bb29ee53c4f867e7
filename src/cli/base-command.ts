// The oclif glue every kbe command shares: writing a CommandOutput to the terminal with its exit code,
// running the command's core against the persisted cluster (read or write session), and turning every
// error — kbe's own and oclif's parse errors — into kubectl's text on stderr with exit 1. This is the
// only place that constructs the real clock and reads the environment (through session.ts).

import {Command, Errors} from '@oclif/core'
import type {Cluster} from '../cluster/cluster.js'
import {formatError, exitCodeOf, isExpectedError} from './errors.js'
import type {CommandOutput} from './output.js'
import {readCluster, sessionEnv, writeCluster, type SessionEnv} from './session.js'
import {stdoutSink} from './stdout-sink.js'

export abstract class KbeCommand extends Command {
  /** Returns the session settings (KBE_HOME, KBE_NOW, KBE_SEED). */
  protected settings(): SessionEnv {
    return sessionEnv(process.env)
  }

  /** Runs a read-only core function against the cluster moved to now and prints its output. */
  protected async read(fn: (cluster: Cluster, settings: SessionEnv) => CommandOutput): Promise<void> {
    const settings = this.settings()
    this.emit(readCluster(settings, (cluster) => fn(cluster, settings)))
  }

  /** Runs a mutating core function under the writers' lock, saves the cluster and prints the output. */
  protected async write(fn: (cluster: Cluster, settings: SessionEnv) => CommandOutput): Promise<void> {
    const settings = this.settings()
    this.emit(writeCluster(settings, (cluster) => fn(cluster, settings)))
  }

  /** Writes a command's output and ends with its exit code. */
  protected emit(result: CommandOutput): void {
    if (result.warnings) process.stderr.write(result.warnings)
    const stdout = stdoutSink()
    result.writeStdout((piece) => stdout.write(piece))
    stdout.end()
    if (result.errorText) process.stderr.write(result.errorText)
    if (result.exitCode !== 0) this.exit(result.exitCode)
  }

  protected async catch(err: Error & {oclif?: {exit?: number}}): Promise<void> {
    if (err instanceof Errors.ExitError) throw err
    if (isExpectedError(err)) {
      process.stderr.write(formatError(err))
      this.exit(exitCodeOf(err))
    }
    const parseError = kubectlParseError(err, this.id ?? '', this.argv)
    if (parseError) {
      process.stderr.write(parseError)
      this.exit(1)
    }
    if (process.env.KBE_DEBUG) process.stderr.write(`${err.stack}\n`)
    process.stderr.write(`error: ${err.message} (this is a bug in kbe; rerun with KBE_DEBUG=1 for details)\n`)
    this.exit(1)
  }
}


/** Returns kubectl's (cobra's) text for an oclif flag-parsing error, or undefined if it is another error. */
export function kubectlParseError(err: Error, commandId: string, argv: string[]): string | undefined {
  const usage = `See 'kbe ${commandId} --help' for usage.\n`
  if (err instanceof Errors.CLIError && 'flags' in err && Array.isArray((err as {flags: unknown}).flags)) {
    const flag = String((err as unknown as {flags: string[]}).flags[0])
    if (flag.startsWith('--')) return `Error: unknown flag: ${flag}\n${usage}`
    return `Error: unknown shorthand flag: '${flag.replace(/^-/, '').charAt(0)}' in ${flag}\n${usage}`
  }
  // A command that takes no arguments got some (kubectl: create, iptables-save…).
  const unexpected = /^Unexpected arguments?: (.*)\n/.exec(`${err.message}\n`)
  if (unexpected) return `error: Unexpected args: [${unexpected[1].split(', ').join(' ')}]\nSee 'kbe ${commandId} -h' for help and examples\n`
  const needsValue = /^Flag --([\w-]+) expects a value/.exec(err.message)
  if (needsValue) {
    const long = `--${needsValue[1]}`
    const short = argv.find((a) => /^-[a-zA-Z]$/.test(a) && argv.indexOf(a) === argv.length - 1)
    return `Error: flag needs an argument: ${short ? `'${short.slice(1)}' in ${short}` : long}\n${usage}`
  }
  return undefined
}
