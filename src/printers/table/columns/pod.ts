// `kubectl get pods` columns (printers.go printPod): READY, STATUS and RESTARTS are derived from the
// pod's container statuses exactly as the API server does, including init containers, restartable
// ("sidecar") init containers, waiting/terminated reasons, Completed-but-running and Terminating.
// Pure: reads the pod and ctx.now, never the clock.
import type {Container, ContainerStatus, Pod, PodStatus} from '../../../api/types.js'
import {humanDuration} from '../../format/duration.js'
import {ageColumn, nameColumn} from '../column.js'
import type {CellContext, Column} from '../column.js'

/** The aggregate READY/STATUS/RESTARTS facts of one pod. */
export interface PodSummary {
  ready: number
  total: number
  reason: string
  restarts: number
  /** Latest lastState.terminated.finishedAt among counted containers, ms since epoch; 0 if none. */
  lastRestart: number
}

/** A sidecar: an init container with restartPolicy Always (IsRestartableInitContainer). */
function isRestartable(container: Container | undefined): boolean {
  return (container as {restartPolicy?: string} | undefined)?.restartPolicy === 'Always'
}

function finishedAt(status: ContainerStatus): number {
  const terminated = status.lastState?.terminated
  if (!terminated) return 0
  const t = terminated.finishedAt ? Date.parse(terminated.finishedAt) : 0
  return Number.isNaN(t) ? 0 : t
}

function hasCondition(status: PodStatus | undefined, type: string): boolean {
  return (status?.conditions ?? []).some((c) => c.type === type && c.status === 'True')
}

/** Returns the reason a terminated container shows: its reason, else Signal:<n> or ExitCode:<n>. */
function terminatedReason(terminated: NonNullable<ContainerStatus['state']['terminated']>, prefix: string): string {
  if (terminated.reason) return prefix + terminated.reason
  return terminated.signal ? `${prefix}Signal:${terminated.signal}` : `${prefix}ExitCode:${terminated.exitCode}`
}

interface InitResult {
  initializing: boolean
  reason?: string
  restarts: number
  lastRestart: number
  sidecarRestarts: number
  sidecarLastRestart: number
  sidecarsReady: number
}

/** Walks the init container statuses; the first one that has not succeeded decides the Init: status. */
function summarizeInit(pod: Pod): InitResult {
  const specs = new Map((pod.spec.initContainers ?? []).map((c) => [c.name, c]))
  const statuses = pod.status?.initContainerStatuses ?? []
  const r: InitResult = {initializing: false, restarts: 0, lastRestart: 0, sidecarRestarts: 0, sidecarLastRestart: 0, sidecarsReady: 0}
  for (let i = 0; i < statuses.length; i++) {
    const status = statuses[i]
    const sidecar = isRestartable(specs.get(status.name))
    r.restarts += status.restartCount ?? 0
    r.lastRestart = Math.max(r.lastRestart, finishedAt(status))
    if (sidecar) {
      r.sidecarRestarts += status.restartCount ?? 0
      r.sidecarLastRestart = Math.max(r.sidecarLastRestart, finishedAt(status))
    }
    const {terminated, waiting} = status.state ?? {}
    if (terminated && terminated.exitCode === 0) continue
    if (sidecar && status.started) {
      if (status.ready) r.sidecarsReady++
      continue
    }
    r.initializing = true
    if (terminated) r.reason = terminatedReason(terminated, 'Init:')
    else if (waiting?.reason && waiting.reason !== 'PodInitializing') r.reason = `Init:${waiting.reason}`
    else r.reason = `Init:${i}/${(pod.spec.initContainers ?? []).length}`
    break
  }
  return r
}

/** Returns the READY/STATUS/RESTARTS facts of a pod, following printers.go printPod. */
export function summarizePod(pod: Pod): PodSummary {
  const status = pod.status
  let reason = status?.reason || status?.phase || ''
  if ((status?.conditions ?? []).some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated'
  const total = pod.spec.containers.length + (pod.spec.initContainers ?? []).filter(isRestartable).length
  const init = summarizeInit(pod)
  let ready = init.sidecarsReady
  let restarts = init.restarts
  let lastRestart = init.lastRestart
  if (init.reason) reason = init.reason
  if (!init.initializing || hasCondition(status, 'Initialized')) {
    restarts = init.sidecarRestarts
    lastRestart = init.sidecarLastRestart
    let hasRunning = false
    const containers = status?.containerStatuses ?? []
    // Iterated last to first, so the first container's state has the final word.
    for (let i = containers.length - 1; i >= 0; i--) {
      const c = containers[i]
      restarts += c.restartCount ?? 0
      lastRestart = Math.max(lastRestart, finishedAt(c))
      const {waiting, terminated, running} = c.state ?? {}
      if (waiting?.reason) reason = waiting.reason
      else if (terminated) reason = terminatedReason(terminated, '')
      else if (c.ready && running) {
        hasRunning = true
        ready++
      }
    }
    if (reason === 'Completed' && hasRunning) reason = hasCondition(status, 'Ready') ? 'Running' : 'NotReady'
  }
  if (pod.metadata.deletionTimestamp && status?.reason === 'NodeLost') reason = 'Unknown'
  else if (pod.metadata.deletionTimestamp && status?.phase !== 'Succeeded' && status?.phase !== 'Failed') reason = 'Terminating'
  return {ready, total, reason, restarts, lastRestart}
}

/** Returns the READY cell: ready containers / containers (sidecars included). */
export function formatReady(summary: PodSummary): string {
  return `${summary.ready}/${summary.total}`
}

/** Returns the RESTARTS cell: the count, plus `(<age> ago)` of the last restart when there is one. */
export function formatRestarts(summary: PodSummary, ctx: CellContext): string {
  if (summary.restarts === 0 || summary.lastRestart === 0) return String(summary.restarts)
  return `${summary.restarts} (${humanDuration(ctx.now.getTime() - summary.lastRestart)} ago)`
}

function readinessGates(pod: Pod): string {
  const gates = pod.spec.readinessGates ?? []
  if (gates.length === 0) return '<none>'
  const conditions = pod.status?.conditions ?? []
  const passed = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length
  return `${passed}/${gates.length}`
}

/** The pod table: NAME READY STATUS RESTARTS AGE [wide: IP NODE NOMINATED NODE READINESS GATES]. */
export const podColumns: Column<Pod>[] = [
  nameColumn,
  {header: 'Ready', wideOnly: false, cell: (pod) => formatReady(summarizePod(pod))},
  {header: 'Status', wideOnly: false, cell: (pod) => summarizePod(pod).reason},
  {header: 'Restarts', wideOnly: false, cell: (pod, ctx) => formatRestarts(summarizePod(pod), ctx)},
  ageColumn,
  {header: 'IP', wideOnly: true, cell: (pod) => pod.status?.podIPs?.[0]?.ip || '<none>'},
  {header: 'Node', wideOnly: true, cell: (pod) => pod.spec.nodeName || '<none>'},
  {header: 'Nominated Node', wideOnly: true, cell: (pod) => pod.status?.nominatedNodeName || '<none>'},
  {header: 'Readiness Gates', wideOnly: true, cell: readinessGates},
]
