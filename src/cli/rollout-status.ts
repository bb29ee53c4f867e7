// `kbe rollout status deploy/NAME`: kubectl watches the Deployment and prints the status viewer's line on
// every change until the rollout is done. kbe cannot block on a persisted model, so it plays the rollout
// forward in model time on a copy of the cluster (never saved): from "now", kubelet step by kubelet step,
// one line each time the Deployment object changed, until the viewer says done, --timeout (model time)
// runs out, or the progress deadline passes. Each line carries the model instant it belongs to; with
// the real clock the command sleeps until then before printing it, so the lines appear as the rollout
// proceeds (it finishes in seconds); with KBE_NOW pinned every line is printed at once.

import {CliError, RawError} from '../api/errors.js'
import type {Cluster} from '../cluster/cluster.js'
import type {DeploymentObject} from '../controllers/deployment-util.js'
import {CommandOutput} from './output.js'
import {findDeployment, rolloutTargets} from './rollout.js'

export interface StatusOptions {
  namespace: string
  watch: boolean
  /** Model-time limit in ms; 0 waits until done (bounded by the progress deadline). */
  timeoutMs: number
}

export interface StatusTimeline {
  /** Lines with the model instant (ms) each is printed at. */
  lines: {at: number; text: string}[]
  /** The errors, printed after the lines. */
  output: CommandOutput
}

/** The Deployment status viewer: the line to print and whether the rollout is done. */
export function deploymentStatusLine(d: DeploymentObject): {text: string; done: boolean} {
  const name = d.metadata.name
  const s = d.status ?? {}
  if ((d.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return {text: 'Waiting for deployment spec update to be observed...\n', done: false}
  const progressing = s.conditions?.find((c) => c.type === 'Progressing')
  if (progressing?.reason === 'ProgressDeadlineExceeded') throw new CliError(`deployment "${name}" exceeded its progress deadline`)
  const wait = (what: string) => ({text: `Waiting for deployment "${name}" rollout to finish: ${what}...\n`, done: false})
  const updated = s.updatedReplicas ?? 0
  const replicas = d.spec.replicas ?? 1
  if (updated < replicas) return wait(`${updated} out of ${replicas} new replicas have been updated`)
  if ((s.replicas ?? 0) > updated) return wait(`${(s.replicas ?? 0) - updated} old replicas are pending termination`)
  if ((s.availableReplicas ?? 0) < updated) return wait(`${s.availableReplicas ?? 0} of ${updated} updated replicas are available`)
  return {text: `deployment "${name}" successfully rolled out\n`, done: true}
}

function nextStepAt(cluster: Cluster): number | undefined {
  let next: number | undefined
  for (const rt of Object.values(cluster.state.runtime)) {
    for (const step of rt.steps) if (step.at > cluster.now().getTime() && (next === undefined || step.at < next)) next = step.at
  }
  return next
}

/** Plays the rollout of the named Deployment forward and returns the lines kubectl would print. */
export function rolloutStatusTimeline(options: StatusOptions, args: string[], cluster: Cluster): StatusTimeline {
  const output = new CommandOutput()
  const lines: StatusTimeline['lines'] = []
  const [target] = rolloutTargets(args)
  try {
    let d = findDeployment(cluster, target, options.namespace, 'status')
    const start = cluster.now().getTime()
    const deadline = start + (options.timeoutMs || (d.spec.progressDeadlineSeconds ?? 600) * 1000)
    let seen: string | undefined
    for (;;) {
      if (d.metadata.resourceVersion !== seen) {
        seen = d.metadata.resourceVersion
        const {text, done} = deploymentStatusLine(d)
        lines.push({at: cluster.now().getTime(), text})
        if (done || !options.watch) break
      }
      const next = nextStepAt(cluster)
      if (next === undefined || next > deadline) {
        lines.push({at: deadline, text: ''})
        throw options.timeoutMs ? new CliError('timed out waiting for the condition') : new CliError(`deployment "${d.metadata.name}" exceeded its progress deadline`)
      }
      cluster.advanceTo(new Date(next))
      d = findDeployment(cluster, target, options.namespace, 'status')
    }
  } catch (error) {
    output.fail(error)
  }
  return {lines, output}
}

/** Parses a Go duration (`0`, `30s`, `5m`, `1h2m3s`, `500ms`) into ms; throws cobra's error for a bad one. */
export function parseGoDuration(text: string): number {
  if (text === '0') return 0
  const units: Record<string, number> = {ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000}
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy
  let total = 0
  let consumed = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * units[m[2]]
    consumed = re.lastIndex
  }
  if (!text || consumed !== text.length) {
    throw new RawError(`Error: invalid argument "${text}" for "--timeout" flag: time: invalid duration "${text}"\nSee 'kbe rollout status --help' for usage.\n`)
  }
  return total
}

/** Prints the timeline's lines, sleeping until each one's instant when the clock is real. */
export async function playTimeline(timeline: StatusTimeline, now: Date, realClock: boolean, write: (text: string) => void): Promise<void> {
  const startedAt = Date.now()
  for (const line of timeline.lines) {
    const due = line.at - now.getTime() - (Date.now() - startedAt)
    if (realClock && due > 0) await new Promise((resolve) => setTimeout(resolve, due))
    if (line.text) write(line.text)
  }
}

/** Takes `--watch=true|false` out of the arguments (oclif booleans have no `=value` form); returns the rest and the value. */
export function takeWatchFlag(args: string[], watch: boolean): {args: string[]; watch: boolean} {
  let value = watch
  const rest = args.filter((a) => {
    const m = /^(?:--watch|-w)=(true|false)$/.exec(a)
    if (m) value = m[1] === 'true'
    return !m
  })
  return {args: rest, watch: value}
}
