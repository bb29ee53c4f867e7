// `kbe exec`'s command line, read the way cobra reads kubectl's: flags anywhere before `--`
// (-c/--container, -i/--stdin, -t/--tty, -q/--quiet, -n/--namespace, --pod-running-timeout),
// short booleans combined (`-it`), and everything after `--` is the command. The old form without
// `--` is refused with kubectl v1.32's text. Errors are kubectl's, with `kbe` for `kubectl`.
import {CliError, RawError} from '../api/errors.js'

export interface ExecOptions {
  target: string
  container?: string
  stdin: boolean
  tty: boolean
  quiet: boolean
  namespace: string
  command: string[]
}

const USAGE = "See 'kbe exec --help' for usage.\n"
const VALUE_FLAGS: Record<string, string> = {'-c': 'container', '--container': 'container', '-n': 'namespace', '--namespace': 'namespace', '--pod-running-timeout': 'timeout'}
const BOOL_FLAGS: Record<string, string> = {'-i': 'stdin', '--stdin': 'stdin', '-t': 'tty', '--tty': 'tty', '-q': 'quiet', '--quiet': 'quiet'}

interface Scan {
  values: Record<string, string>
  bools: Record<string, boolean>
  positional: string[]
  command?: string[]
}

function flagError(text: string): RawError {
  return new RawError(`Error: ${text}\n${USAGE}`)
}

function scanShort(arg: string, next: string | undefined, scan: Scan): number {
  for (let j = 1; j < arg.length; j++) {
    const flag = `-${arg[j]}`
    if (BOOL_FLAGS[flag]) {
      scan.bools[BOOL_FLAGS[flag]] = true
      continue
    }
    if (!VALUE_FLAGS[flag]) throw flagError(`unknown shorthand flag: '${arg[j]}' in ${arg}`)
    const rest = arg.slice(j + 1).replace(/^=/, '')
    if (rest !== '') {
      scan.values[VALUE_FLAGS[flag]] = rest
      return 0
    }
    if (next === undefined) throw flagError(`flag needs an argument: '${arg[j]}' in ${arg}`)
    scan.values[VALUE_FLAGS[flag]] = next
    return 1
  }
  return 0
}

function scanLong(arg: string, next: string | undefined, scan: Scan): number {
  const [name, value] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
  if (BOOL_FLAGS[name]) {
    if (value !== undefined && !['true', 'false'].includes(value)) throw flagError(`invalid argument "${value}" for "${name}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`)
    scan.bools[BOOL_FLAGS[name]] = value !== 'false'
    return 0
  }
  if (!VALUE_FLAGS[name]) throw flagError(`unknown flag: ${name}`)
  if (value !== undefined) {
    scan.values[VALUE_FLAGS[name]] = value
    return 0
  }
  if (next === undefined) throw flagError(`flag needs an argument: ${name}`)
  scan.values[VALUE_FLAGS[name]] = next
  return 1
}

function scanArgv(argv: readonly string[]): Scan {
  const scan: Scan = {values: {}, bools: {}, positional: []}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--') {
      scan.command = argv.slice(i + 1)
      break
    }
    if (arg.startsWith('--')) i += scanLong(arg, argv[i + 1], scan)
    else if (arg.startsWith('-') && arg !== '-') i += scanShort(arg, argv[i + 1], scan)
    else scan.positional.push(arg)
  }
  return scan
}

/** Returns the exec options from the raw arguments, or throws kubectl's error. */
export function parseExecArgs(argv: readonly string[], defaultNamespace = 'default'): ExecOptions {
  const scan = scanArgv(argv)
  if (scan.command === undefined && scan.positional.length > 1) {
    throw new RawError("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kbe exec -h' for help and examples\n")
  }
  const target = scan.positional[0]
  if (target === undefined) throw new CliError('pod, type/name or --filename must be specified')
  const command = scan.command ?? []
  if (command.length === 0) throw new CliError('you must specify at least one command for the container')
  return {
    target, command, container: scan.values.container, namespace: scan.values.namespace ?? defaultNamespace,
    stdin: Boolean(scan.bools.stdin), tty: Boolean(scan.bools.tty), quiet: Boolean(scan.bools.quiet),
  }
}
