// kubectl's command line grammar where it differs from oclif's: global flags may stand before the command
// (`kbe -n test get pods`), so they are moved after the command word before oclif sees the arguments.

const VALUE_FLAGS = new Set(['-n', '--namespace', '--kubeconfig', '--context', '--cluster', '--user', '-s', '--server', '--request-timeout'])
const BOOLEAN_FLAGS = new Set(['-A', '--all-namespaces'])

/** Returns argv with leading global flags moved after the command word. */
export function normalizeArgv(argv: string[]): string[] {
  const leading: string[] = []
  let i = 0
  while (i < argv.length && argv[i].startsWith('-') && argv[i] !== '--' && argv[i] !== '-h' && argv[i] !== '--help' && argv[i] !== '--version') {
    const arg = argv[i]
    const name = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg
    if (VALUE_FLAGS.has(name) && !arg.includes('=') && i + 1 < argv.length) {
      leading.push(arg, argv[i + 1])
      i += 2
    } else if (VALUE_FLAGS.has(name) || BOOLEAN_FLAGS.has(name) || /^-n\S/.test(arg)) {
      leading.push(arg)
      i += 1
    } else {
      break
    }
  }
  if (leading.length === 0 || i >= argv.length) return lastValueWins(argv)
  return lastValueWins([argv[i], ...leading, ...argv.slice(i + 1)])
}

// Single-value flags kubectl (pflag) lets a user repeat, the last value winning; oclif would refuse.
const SINGLE_VALUE: Record<string, string> = {
  '-o': 'output', '--output': 'output', '-n': 'namespace', '--namespace': 'namespace', '-l': 'l', '--selector': 'selector',
  '--replicas': 'replicas', '--grace-period': 'grace-period', '--style': 'style', '--image': 'image', '--port': 'port',
}

/** Returns argv with every earlier occurrence of a repeated single-value flag (and its value) dropped. */
export function lastValueWins(argv: string[]): string[] {
  const seen = new Map<string, {index: number; span: number}[]>()
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const arg = argv[i]
    const long = arg.startsWith('--')
    const name = long ? arg.split('=')[0] : arg.slice(0, 2)
    const flag = arg.startsWith('-') ? SINGLE_VALUE[name] : undefined
    if (!flag) continue
    const inline = long ? arg.includes('=') : arg.length > 2
    // As oclif reads it: a following word that starts with '-' is the next flag, not this one's value
    // (but a bare `--` right after the flag is taken as its value).
    const next = argv[i + 1]
    const span = inline || next === undefined || (next.startsWith('-') && next !== '--') ? 1 : 2
    seen.set(flag, [...(seen.get(flag) ?? []), {index: i, span}])
    i += span - 1
  }
  const drop = new Set<number>()
  for (const list of seen.values()) for (const {index, span} of list.slice(0, -1)) for (let k = 0; k < span; k++) drop.add(index + k)
  return drop.size ? argv.filter((_, i) => !drop.has(i)) : argv
}
