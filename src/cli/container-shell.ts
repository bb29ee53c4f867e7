// The commands a simulated container can run: curl (through the cluster network, the pod as the
// caller), printenv/env, hostname, cat, ls, echo, ping, true/false, and `sh -c`/`bash -c` with one
// simple command (words, quotes, $VAR). A direct exec of anything else fails as cri-dockerd reports
// a missing executable (on stdout, exit 126); inside a shell it fails as that shell says
// `command not found` (exit 127). Each image has its own set: nginx has no curl nor ping.
import type {Pod} from '../api/types.js'
import {canonicalImage} from '../apps/registry.js'
import {getenv, type ContainerEnv} from '../apps/types.js'
import type {Cluster} from '../cluster/cluster.js'
import {listDirectory, readFile} from './container-files.js'
import {runPing, type PingResolver} from './container-ping.js'
import type {Random} from '../util/random.js'

export interface ProcessResult {
  stdout: string
  stderr: string
  exitCode: number
}

export interface ShellContext {
  cluster: Cluster
  pod: Pod
  image: string
  env: ContainerEnv
  tty: boolean
  random: Random
  /** Runs curl with the pod as the caller (kbe's --trace/--style accepted). */
  curl(args: string[]): ProcessResult
  resolvePing: PingResolver
}

type Builtin = (args: string[], ctx: ShellContext) => ProcessResult

const ok = (stdout = ''): ProcessResult => ({stdout, stderr: '', exitCode: 0})

function printenv(args: string[], ctx: ShellContext): ProcessResult {
  if (args.length === 0) return ok(ctx.env.map(([k, v]) => `${k}=${v}\n`).join(''))
  const values = args.map((name) => getenv(ctx.env, name))
  return {stdout: values.filter((v) => v !== undefined).map((v) => `${v}\n`).join(''), stderr: '', exitCode: values.includes(undefined) ? 1 : 0}
}

function cat(args: string[], ctx: ShellContext): ProcessResult {
  let stdout = ''
  let stderr = ''
  for (const path of args) {
    const content = readFile(ctx.pod, ctx.image, path)
    if (content !== undefined) stdout += content
    else stderr += listDirectory(ctx.image, path) ? `cat: ${path}: Is a directory\n` : `cat: ${path}: No such file or directory\n`
  }
  return {stdout, stderr, exitCode: stderr ? 1 : 0}
}

function ls(args: string[], ctx: ShellContext): ProcessResult {
  const paths = args.filter((a) => !a.startsWith('-'))
  let stdout = ''
  let stderr = ''
  const many = paths.length > 1
  for (const path of paths.length ? paths : ['.']) {
    const entries = listDirectory(ctx.image, path)
    if (entries) stdout += `${many ? `${path}:\n` : ''}${ctx.tty ? `${entries.join('  ')}\n` : entries.map((e) => `${e}\n`).join('')}`
    else if (readFile(ctx.pod, ctx.image, path) !== undefined) stdout += `${path}\n`
    else stderr += `ls: cannot access ${path}: No such file or directory\n`
  }
  return {stdout, stderr, exitCode: stderr ? 2 : 0}
}

function echo(args: string[]): ProcessResult {
  const newline = args[0] !== '-n'
  const words = newline ? args : args.slice(1)
  return ok(`${words.join(' ')}${newline ? '\n' : ''}`)
}

const COMMON: Record<string, Builtin> = {
  printenv,
  env: (args, ctx) => printenv([], ctx),
  hostname: (_args, ctx) => ok(`${ctx.pod.spec.hostname ?? ctx.pod.metadata.name}\n`),
  cat,
  ls,
  echo,
  true: () => ok(),
  false: () => ({stdout: '', stderr: '', exitCode: 1}),
}
const NETWORK: Record<string, Builtin> = {
  curl: (args, ctx) => ctx.curl(args),
  ping: (args, ctx) => runPing(args, ctx.resolvePing, ctx.random, ctx.env),
}

/** Returns the commands an image has, by name. */
export function imageCommands(image: string): Record<string, Builtin> {
  const name = canonicalImage(image).replace(/[:@].*$/, '')
  return name === 'nginx' ? COMMON : {...COMMON, ...NETWORK}
}

/** Returns which shells an image has and how its `sh` reports a missing command. */
function shellNotFound(image: string, shell: string, command: string): string {
  const debianSh = shell === 'sh' && canonicalImage(image) !== 'centos:7'
  return debianSh ? `sh: 1: ${command}: not found\n` : `${shell}: ${command}: command not found\n`
}

/** Splits a simple shell command into words: single and double quotes, backslashes, $VAR and ${VAR}. */
export function shellWords(line: string, env: ContainerEnv): string[] {
  const words: string[] = []
  const re = /'([^']*)'|"((?:[^"\\]|\\.)*)"|((?:[^\s'"\\]|\\.)+)|(\s+)/g
  let current: string | undefined
  const expand = (text: string) => text.replace(/\$\{(\w+)\}|\$(\w+)/g, (_m, a: string, b: string) => getenv(env, a ?? b) ?? '')
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m[4] !== undefined) {
      if (current !== undefined) words.push(current)
      current = undefined
      continue
    }
    const part = m[1] ?? expand((m[2] ?? '').replace(/\\(.)/g, '$1'))
    current = (current ?? '') + (m[3] !== undefined ? expand(m[3]).replace(/\\(.)/g, '$1') : part)
  }
  if (current !== undefined) words.push(current)
  return words
}

function runInShell(shell: string, script: string, ctx: ShellContext): ProcessResult {
  const words = shellWords(script, ctx.env)
  if (words.length === 0) return ok()
  const [command, ...args] = words
  if (command === 'exit') return {stdout: '', stderr: '', exitCode: Number(args[0] ?? 0) & 255}
  const builtin = imageCommands(ctx.image)[command.replace(/^\/(usr\/)?s?bin\//, '')]
  if (!builtin) return {stdout: '', stderr: shellNotFound(ctx.image, shell, command), exitCode: 127}
  return builtin(args, ctx)
}

/** Runs COMMAND ARGS as `kubectl exec` starts it in the container (no shell unless it is one). */
export function runInContainer(command: string[], ctx: ShellContext): ProcessResult {
  const [name, ...args] = command
  const base = name.replace(/^\/(usr\/)?s?bin\//, '')
  if (base === 'sh' || base === 'bash') {
    if (args[0] === '-c') return runInShell(base, args[1] ?? '', ctx)
    // A shell without -c reads its commands from stdin; kbe passes none (see exec's -i).
    return ok()
  }
  const builtin = imageCommands(ctx.image)[base]
  if (builtin) return builtin(args, ctx)
  const message = `OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown\r\n`
  return {stdout: message, stderr: '', exitCode: 126}
}

/** Runs one line typed at a shell prompt (what `exec -i … -- bash` reads from stdin). */
export function runShellLine(shell: string, line: string, ctx: ShellContext): ProcessResult {
  return runInShell(shell, line, ctx)
}
