// `kbe run NAME --image=IMAGE [--port] [--env K=V…] [--labels k=v,…] [--restart] [--command] [-- ARGS…]`:
// creates one Pod exactly as kubectl ≥1.18 builds it (label `run=NAME` unless --labels, the container
// named after the pod, `--` arguments as args or, with --command, as the command), with kubectl's
// client-side checks and messages (`pod/NAME created`, the apiserver's AlreadyExists). With
// `-i/-t --rm` the pod is attached to: kubectl waits for it to run, the command runs in the simulated
// container (kbe exec's shell), and the pod is deleted (`pod "NAME" deleted`). The wait happens in a
// copy of the cluster moved forward in time, so the clock of the saved cluster never runs ahead.

import {CliError, RawError} from '../api/errors.js'
import type {Pod} from '../api/types.js'
import {Cluster} from '../cluster/cluster.js'
import {containerStartedAt} from '../cluster/container-env.js'
import {normalizeImage} from '../controllers/images.js'
import {ProcessOutput} from './container-output.js'
import {runExec, type ExecRun} from './exec.js'
import {klogLine} from './klog.js'
import {CommandOutput} from './output.js'

export interface RunOptions {
  /** Positional arguments: NAME, then the container's arguments. */
  args: string[]
  image?: string
  port?: string
  env: string[]
  labels?: string
  restart: string
  command: boolean
  namespace: string
  stdin: boolean
  tty: boolean
  rm: boolean
}

const RUN_USAGE = "See 'kbe run -h' for help and examples\n"
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never']

function parseEnv(specs: string[]): {name: string; value: string}[] {
  return specs.map((spec) => {
    const eq = spec.indexOf('=')
    if (eq <= 0) throw new CliError(`invalid env: ${spec}`)
    return {name: spec.slice(0, eq), value: spec.slice(eq + 1)}
  })
}

/** Parses `--labels=k=v,k2=v2` as kubectl's generator does (values are checked by the apiserver). */
export function parseRunLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {}
  for (const spec of text.split(',')) {
    const parts = spec.split('=')
    if (parts.length !== 2) throw new CliError(`unexpected label spec: ${spec}`)
    if (parts[0].length === 0) throw new CliError('unexpected empty label key')
    labels[parts[0]] = parts[1]
  }
  return labels
}

function parsePort(text: string): number {
  if (!/^[+-]?\d+$/.test(text)) throw new CliError(`strconv.Atoi: parsing "${text}": invalid syntax`)
  return Number(text)
}

/** Checks the flags in kubectl's order; `now` and `pid` stamp the klog line of a missing --image. */
export function validateRun(options: RunOptions, now: Date, pid: number): void {
  if (options.image === undefined) throw new RawError(klogLine(now, pid, 'run.go:72', '"command failed" err="required flag(s) \\"image\\" not set"'))
  if (options.args.length === 0) throw new RawError(`error: NAME is required for run\n${RUN_USAGE}`)
  if (options.rm && !(options.stdin || options.tty)) throw new RawError(`error: --rm should only be used for attached containers\n${RUN_USAGE}`)
  if (options.tty && !options.stdin) throw new RawError(`error: -i/--stdin is required for containers with -t/--tty=true\n${RUN_USAGE}`)
  if (!RESTART_POLICIES.includes(options.restart)) throw new RawError(`error: invalid restart policy: ${options.restart}\n${RUN_USAGE}`)
}

/** Returns the Pod kubectl run sends (before the apiserver's defaults). */
export function buildRunPod(options: RunOptions): Pod {
  const [name, ...rest] = options.args
  const env = parseEnv(options.env)
  const labels = options.labels ? parseRunLabels(options.labels) : {run: name}
  const port = options.port ? parsePort(options.port) : undefined
  const container: Record<string, unknown> = {name, image: options.image}
  if (rest.length) container[options.command ? 'command' : 'args'] = rest
  if (port !== undefined) container.ports = [{containerPort: port}]
  if (env.length) container.env = env
  container.resources = {}
  if (options.stdin) {
    container.stdin = true
    container.stdinOnce = true
  }
  if (options.tty) container.tty = true
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {name, namespace: options.namespace, labels},
    spec: {containers: [container], restartPolicy: options.restart, dnsPolicy: 'ClusterFirst'},
    status: {},
  } as unknown as Pod
}

/** How long kubectl waits for an attached pod to run (--pod-running-timeout's default). */
export const POD_RUNNING_TIMEOUT_MS = 60_000

/** Runs `kbe run`: creates the pod and prints `pod/NAME created`, or attaches to it with -i/-t --rm. */
export function runRun(options: RunOptions, cluster: Cluster, session: {seed: number; now: Date}, run?: ExecRun): CommandOutput {
  const pod = buildRunPod(options)
  if (options.stdin || options.tty) {
    if (!options.rm) throw new CliError('kbe attaches only to pods it removes afterwards: add --rm, or run the pod without -i/-t and use kbe exec')
    return runAttached(pod, options, cluster, session, run ?? {stdinIsTTY: false})
  }
  const result = new CommandOutput()
  const created = cluster.create(pod)
  result.out(`pod/${created.metadata.name} created\n`)
  return result
}

/** Returns a copy of the cluster moved forward until the pod's container runs, or undefined on timeout. */
function runningCopy(cluster: Cluster, namespace: string, name: string): Cluster | undefined {
  const trial = new Cluster(structuredClone(cluster.snapshot()))
  const start = trial.now().getTime()
  for (let t = start; t <= start + POD_RUNNING_TIMEOUT_MS; t += 250) {
    trial.advanceTo(new Date(t))
    const pod = trial.store.find<Pod>('pods', namespace, name)
    if (pod && containerStartedAt(pod, name) !== undefined) return trial
  }
  return undefined
}

function runAttached(pod: Pod, options: RunOptions, cluster: Cluster, session: {seed: number}, run: ExecRun): CommandOutput {
  const created = cluster.create(pod) as Pod
  const name = created.metadata.name as string
  const output = new ProcessOutput()
  const trial = runningCopy(cluster, options.namespace, name)
  if (trial) {
    const exec = runExec({target: name, container: name, stdin: options.stdin, tty: options.tty, quiet: false, namespace: options.namespace, command: options.args.slice(1)},
      trial, {seed: session.seed, now: trial.now()}, run)
    if (options.tty && run.stdinIsTTY) output.err("If you don't see a command prompt, try pressing enter.\n")
    output.out(exec.stdout)
    // kubectl run reports a failed container its own way, not as exec's `command terminated with exit code N`.
    output.err(exec.stderr.replace(/command terminated with exit code \d+\n$/, ''))
    output.code = exec.exitCode
    // The node keeps the image it pulled for the pod.
    const image = normalizeImage(created.spec.containers[0].image ?? '')
    if (trial.state.images[image] !== undefined) cluster.state.images[image] ??= trial.state.images[image]
  }
  cluster.delete(created, true)
  output.out(`pod "${name}" deleted\n`)
  if (!trial) output.fail(new CliError('timed out waiting for the condition'))
  else if (output.code !== 0) output.err(`error: pod ${options.namespace}/${name} terminated (Error)\n`)
  return output
}
