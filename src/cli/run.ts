// `kbe run NAME --image=IMAGE [--port] [--env K=V…] [--labels k=v,…] [--restart] [--command] [-- ARGS…]`:
// creates one Pod exactly as kubectl ≥1.18 builds it (label `run=NAME` unless --labels, the container
// named after the pod, `--` arguments as args or, with --command, as the command), with kubectl's
// client-side checks and messages (`pod/NAME created`, the apiserver's AlreadyExists).

import {CliError, RawError} from '../api/errors.js'
import type {Pod} from '../api/types.js'
import type {Cluster} from '../cluster/cluster.js'
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

const RUN_USAGE = "See 'kubectl run -h' for help and examples\n"
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

/** Runs `kbe run` (without attaching): creates the pod and prints `pod/NAME created`. */
export function runRun(options: RunOptions, cluster: Cluster): CommandOutput {
  const pod = buildRunPod(options)
  const result = new CommandOutput()
  const created = cluster.create(pod)
  result.out(`pod/${created.metadata.name} created\n`)
  return result
}
