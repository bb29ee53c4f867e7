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
  if (leading.length === 0 || i >= argv.length) return argv
  return [argv[i], ...leading, ...argv.slice(i + 1)]
}
