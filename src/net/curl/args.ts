// curl's command line, the part kbe simulates: -s/--silent, -S/--show-error, -i/--include,
// -I/--head, -v/--verbose, -m/--max-time SECONDS, -X/--request METHOD, -H/--header LINE and one
// URL. Short flags combine (`-sS`, `-sv`) and take their value attached or next (`-m2`, `-m 2`,
// `-XPOST`); long options take the next argument (`--max-time 2`, never `--max-time=2`, which curl
// 7.88 calls unknown). Errors read exactly like curl 7.88.1's and exit 2. Options curl has but kbe
// does not simulate are refused with a clear kbe message instead of being silently ignored.

export interface CurlOptions {
  silent: boolean
  showError: boolean
  include: boolean
  head: boolean
  verbose: boolean
  /** -m in milliseconds (rounded), or undefined for no limit. */
  maxTimeMs?: number
  method?: string
  headers: string[]
  url: string
}

export type CurlArgsResult = {options: CurlOptions} | {error: {stderr: string; exitCode: number}}

const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n"

const LONG: Record<string, string> = {
  '--silent': 's', '--show-error': 'S', '--include': 'i', '--head': 'I', '--verbose': 'v',
  '--max-time': 'm', '--request': 'X', '--header': 'H',
}
const TAKES_VALUE = new Set(['m', 'X', 'H'])
const BOOLEAN = new Set(['s', 'S', 'i', 'I', 'v'])
/** Options real curl knows that kbe's curl does not simulate (short letters and long names). */
const NOT_SIMULATED = new Set([
  'L', 'o', 'O', 'f', 'k', 'd', 'u', 'A', 'e', '4', '6', 'w', 'x', 'b', 'c', 'F', 'T', 'G', 'N', 'q', 'K',
  '--location', '--output', '--remote-name', '--fail', '--insecure', '--data', '--user', '--user-agent', '--referer',
  '--connect-timeout', '--write-out', '--proxy', '--cookie', '--data-raw', '--data-binary', '--json', '--http1.0', '--http2',
  '--retry', '--resolve', '--unix-socket', '--compressed', '--trace', '--trace-ascii', '--noproxy',
])

function usage(message: string): CurlArgsResult {
  return {error: {stderr: `curl: ${message}\n${TRY_HELP}`, exitCode: 2}}
}

function notSimulated(option: string): CurlArgsResult {
  return {error: {stderr: `kbe: curl option ${option} is not simulated; kbe's curl supports -s -S -i -I -v -m -X -H\n`, exitCode: 2}}
}

interface Parsed {
  flags: Set<string>
  values: Map<string, string[]>
  urls: string[]
}

/** Validates -m's value like curl's str2udouble: a number, not negative. */
function maxTime(value: string, shown: string): number | CurlArgsResult {
  if (!/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(value)) return usage(`option ${shown}: expected a proper numerical parameter`)
  const seconds = Number(value)
  if (seconds < 0) return usage(`option ${shown}: expected a positive numerical parameter`)
  return Math.round(seconds * 1000)
}

/** Returns the parsed curl arguments, or curl's usage error. */
export function parseCurlArgs(args: readonly string[]): CurlArgsResult {
  const parsed: Parsed = {flags: new Set(), values: new Map(), urls: []}
  const shownName = new Map<string, string>()
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg.startsWith('--')) {
      if (NOT_SIMULATED.has(arg)) return notSimulated(arg)
      const letter = LONG[arg]
      if (!letter) return usage(`option ${arg}: is unknown`)
      if (!TAKES_VALUE.has(letter)) parsed.flags.add(letter)
      else {
        if (i + 1 >= args.length) return usage(`option ${arg}: requires parameter`)
        pushValue(parsed, letter, args[++i])
        shownName.set(letter, arg)
      }
      continue
    }
    if (arg.startsWith('-') && arg.length > 1) {
      const consumed = parseShortCluster(arg, args[i + 1], parsed, shownName)
      if (typeof consumed !== 'number') return consumed
      i += consumed
      continue
    }
    parsed.urls.push(arg)
  }
  return finish(parsed, shownName, args.length === 0)
}

function pushValue(parsed: Parsed, letter: string, value: string): void {
  parsed.values.set(letter, [...(parsed.values.get(letter) ?? []), value])
}

/** Parses `-sSm2`-style clusters; returns how many following arguments were consumed, or an error. */
function parseShortCluster(arg: string, next: string | undefined, parsed: Parsed, shownName: Map<string, string>): number | CurlArgsResult {
  for (let j = 1; j < arg.length; j++) {
    const letter = arg[j]
    if (NOT_SIMULATED.has(letter)) return notSimulated(`-${letter}`)
    if (BOOLEAN.has(letter)) {
      parsed.flags.add(letter)
      continue
    }
    if (!TAKES_VALUE.has(letter)) return usage(`option -${letter}: is unknown`)
    shownName.set(letter, `-${letter}`)
    const attached = arg.slice(j + 1)
    if (attached !== '') {
      pushValue(parsed, letter, attached)
      return 0
    }
    if (next === undefined) return usage(`option -${letter}: requires parameter`)
    pushValue(parsed, letter, next)
    return 1
  }
  return 0
}

function finish(parsed: Parsed, shownName: Map<string, string>, noArguments: boolean): CurlArgsResult {
  const last = (letter: string) => parsed.values.get(letter)?.at(-1)
  let maxTimeMs: number | undefined
  const m = last('m')
  if (m !== undefined) {
    const value = maxTime(m, shownName.get('m') ?? '-m')
    if (typeof value !== 'number') return value
    maxTimeMs = value === 0 ? undefined : value
  }
  // Bare `curl` prints only the hint; with options but no URL it names the problem first.
  if (parsed.urls.length === 0) return noArguments ? {error: {stderr: TRY_HELP, exitCode: 2}} : usage('no URL specified!')
  if (parsed.urls.length > 1) return {error: {stderr: "kbe: curl with more than one URL is not simulated\n", exitCode: 2}}
  const options: CurlOptions = {
    silent: parsed.flags.has('s'),
    showError: parsed.flags.has('S'),
    include: parsed.flags.has('i'),
    head: parsed.flags.has('I'),
    verbose: parsed.flags.has('v'),
    headers: parsed.values.get('H') ?? [],
    url: parsed.urls[0],
  }
  if (maxTimeMs !== undefined) options.maxTimeMs = maxTimeMs
  const method = last('X')
  if (method !== undefined) options.method = method
  return {options}
}
