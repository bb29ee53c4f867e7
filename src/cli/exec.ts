// `kbe exec POD [-c CONTAINER] [-i] [-t] -- COMMAND [ARGS…]`: kubectl v1.32's checks in its order
// (the pod exists, is not completed, the container is defaulted with a notice when there are
// several, a TTY only with -i on a terminal), then the apiserver's (a node is assigned, the
// container is in the spec) and the kubelet's (the container runs), then the command in the
// simulated container. A failing command ends with `command terminated with exit code N` on
// stderr and exit N, as kubectl does. With -i, a shell without -c runs the lines of stdin.
import {CliError, StatusError} from '../api/errors.js'
import type {Container, Pod, Service} from '../api/types.js'
import type {Cluster} from '../cluster/cluster.js'
import {containerEnvironment, containerStartedAt} from '../cluster/container-env.js'
import {resolveName} from '../net/dns.js'
import {parseIPv4} from '../net/ipam.js'
import {NODE_HOSTS} from '../net/curl/cluster-network.js'
import {ProcessOutput} from './container-output.js'
import {networkPod, networkPods, trafficRandom} from './container-network.js'
import type {ExecOptions} from './container-exec-args.js'
import {runInContainer, runShellLine, type ProcessResult, type ShellContext} from './container-shell.js'
import {attachablePod} from './container-target.js'
import {runClusterCurl, splitCurlArgv, type CurlSession} from './curl.js'
import type {Endpoints} from '../api/types.js'

export interface ExecRun {
  /** Whether kbe's stdin is a terminal (decides whether -i -t gets a TTY). */
  stdinIsTTY: boolean
  /** What kbe read from stdin for -i (undefined when it did not read). */
  stdinText?: string
}

const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container'

function chooseContainer(pod: Pod, options: ExecOptions, output: ProcessOutput): string {
  if (options.container !== undefined) return options.container
  const containers = pod.spec.containers
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION]
  const chosen = annotated && containers.some((c) => c.name === annotated) ? annotated : containers[0].name
  if (containers.length > 1 && !options.quiet && !annotated) {
    const names = [...containers.map((c) => c.name), ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`)]
    output.err(`Defaulted container "${chosen}" out of: ${names.join(', ')}\n`)
  }
  return chosen
}

function checkReachable(pod: Pod, name: string): Container {
  const podName = pod.metadata.name as string
  if (!pod.spec.nodeName) throw new StatusError('BadRequest', `pod ${podName} does not have a host assigned`)
  const container = pod.spec.containers.find((c) => c.name === name)
  if (!container) throw new StatusError('BadRequest', `container ${name} is not valid for pod ${podName}`)
  if (containerStartedAt(pod, name) === undefined) throw new CliError(`unable to upgrade connection: container not found ("${name}")`)
  return container
}

/** Returns the resolver ping uses in the pod: cluster DNS with the pod's search path; VIPs never answer. */
function pingResolver(cluster: Cluster, pod: Pod): ShellContext['resolvePing'] {
  const services = cluster.store.list<Service>('services')
  const endpoints = cluster.store.list<Endpoints>('endpoints')
  const answering = new Set([...networkPods(cluster).map((p) => p.ip), '127.0.0.1', ...Object.values(NODE_HOSTS), '192.168.99.100', '172.17.0.1', '10.0.2.15'])
  return (host) => {
    const hosts = {localhost: '127.0.0.1', [pod.metadata.name as string]: pod.status?.podIP ?? ''}
    const answer = resolveName(host, {services, endpoints, callerNamespace: pod.metadata.namespace ?? 'default', hosts})
    if (!('ip' in answer)) return undefined
    const canonical = parseIPv4(host) !== undefined ? host : (answer.fqdn ?? host)
    return {canonical, ip: answer.ip, answers: answering.has(answer.ip) || answer.ip.startsWith('127.')}
  }
}

function shellContext(cluster: Cluster, pod: Pod, container: Container, tty: boolean, session: CurlSession): ShellContext {
  const services = cluster.store.list<Service>('services')
  const startedAt = containerStartedAt(pod, container.name)
  const env = containerEnvironment(pod, container, services, {tty, startedAt})
  const caller = {kind: 'pod' as const, pod: networkPod(pod, services)}
  return {
    cluster, pod, image: container.image ?? '', env, tty, random: trafficRandom(session.seed, session.now),
    resolvePing: pingResolver(cluster, pod),
    curl: (args) => {
      const split = splitCurlArgv(args)
      const out = runClusterCurl({...split, stdoutIsTTY: tty}, cluster, caller, session)
      return {stdout: out.stdout, stderr: out.stderr, exitCode: out.exitCode}
    },
  }
}

function runWithStdin(options: ExecOptions, ctx: ShellContext, stdinText: string | undefined): ProcessResult {
  const [name, ...args] = options.command
  const shell = name.replace(/^\/(usr\/)?bin\//, '')
  if (!options.stdin || stdinText === undefined || !['sh', 'bash'].includes(shell) || args.length > 0) return runInContainer(options.command, ctx)
  const result: ProcessResult = {stdout: '', stderr: '', exitCode: 0}
  for (const line of stdinText.split('\n')) {
    if (/^\s*exit(\s|$)/.test(line)) return {...result, exitCode: Number(line.trim().split(/\s+/)[1] ?? result.exitCode) & 255}
    const step = runShellLine(shell, line, ctx)
    result.stdout += step.stdout
    result.stderr += step.stderr
    result.exitCode = step.exitCode
  }
  return result
}

/** Returns whether the command is a shell reading its commands from stdin (`bash`, `sh`). */
export function isBareShell(command: string[]): boolean {
  return command.length === 1 && ['sh', 'bash'].includes(command[0].replace(/^\/(usr\/)?bin\//, ''))
}

/** Returns the prompt of an interactive shell in the container (bash's default PS1 of the image). */
export function shellPrompt(image: string, pod: string): string {
  if (/centos/.test(image)) return `[root@${pod} /]# `
  return /simpleservice/.test(image) ? `root@${pod}:/usr/src/app# ` : `root@${pod}:/# `
}

/** Runs one line typed at an interactive shell (`exec -it POD -- bash`); the pod and container are checked each time. */
export function runExecLine(options: ExecOptions, cluster: Cluster, session: CurlSession, line: string): ProcessResult & {prompt: string} {
  const {pod} = attachablePod(cluster, options.namespace, options.target)
  const container = checkReachable(pod, chooseContainer(pod, {...options, quiet: true}, new ProcessOutput()))
  const shell = options.command[0].replace(/^\/(usr\/)?bin\//, '')
  const result = runShellLine(shell, line, shellContext(cluster, pod, container, true, session))
  return {...result, prompt: shellPrompt(container.image ?? '', pod.metadata.name as string)}
}

/** Runs `kbe exec` against the cluster; returns the command's output and exit code. */
export function runExec(options: ExecOptions, cluster: Cluster, session: CurlSession, run: ExecRun): ProcessOutput {
  const output = new ProcessOutput()
  const {pod} = attachablePod(cluster, options.namespace, options.target)
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') throw new CliError(`cannot exec into a container in a completed pod; current phase is ${phase}`)
  const name = chooseContainer(pod, options, output)
  let tty = options.tty && options.stdin
  if (tty && !run.stdinIsTTY) {
    output.err('Unable to use a TTY - input is not a terminal or the right kind of file\n')
    tty = false
  }
  let container: Container
  try {
    container = checkReachable(pod, name)
  } catch (error) {
    // The notices above are already printed when the apiserver or the kubelet refuses.
    output.fail(error)
    return output
  }
  const result = runWithStdin(options, shellContext(cluster, pod, container, tty, session), run.stdinText)
  if (tty) {
    // One terminal carries both streams, and its line discipline turns \n into \r\n.
    output.out((result.stdout + result.stderr).replace(/\r?\n/g, '\r\n'))
  } else {
    output.out(result.stdout)
    output.err(result.stderr)
  }
  if (result.exitCode !== 0) output.err(`command terminated with exit code ${result.exitCode}\n`)
  output.code = result.exitCode
  return output
}
