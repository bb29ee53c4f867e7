// Builders for the pod status a kubelet reports at each stage of a pod's life: unscheduled, scheduled
// with containers being created, running, and containers stopped. Pure functions of the pod and an
// instant; pod-lifecycle.ts decides when each stage happens.

import type {Container, ContainerStatus, Pod, PodCondition, PodStatus} from '../api/types.js'
import {rfc3339} from '../util/clock.js'
import {clone} from './context.js'
import {imageID, normalizeImage} from './images.js'

function condition(type: string, status: string, at: string, reason?: string, message?: string): PodCondition {
  const c: PodCondition = {type, status, lastProbeTime: null, lastTransitionTime: at}
  if (reason) c.reason = reason
  if (message) c.message = message
  return c
}

/** Returns the pod's QoS class from its containers' requests and limits. */
export function qosClass(containers: Container[]): string {
  let any = false
  let guaranteed = true
  for (const c of containers) {
    const req = c.resources?.requests ?? {}
    const lim = c.resources?.limits ?? {}
    if (Object.keys(req).length || Object.keys(lim).length) any = true
    for (const r of ['cpu', 'memory']) {
      if (lim[r] === undefined || (req[r] !== undefined && req[r] !== lim[r])) guaranteed = false
    }
  }
  if (!any) return 'BestEffort'
  return guaranteed ? 'Guaranteed' : 'Burstable'
}

/** Returns the status of a pod the scheduler could not place. */
export function unschedulableStatus(pod: Pod, at: Date, message: string): PodStatus {
  return {
    phase: 'Pending',
    conditions: [condition('PodScheduled', 'False', rfc3339(at), 'Unschedulable', message)],
    qosClass: qosClass(pod.spec.containers),
  }
}

function notReadyMessage(names: string[]): string {
  return `containers with unready status: [${names.join(' ')}]`
}

function waitingStatus(c: Container): ContainerStatus {
  return {name: c.name, state: {waiting: {reason: 'ContainerCreating'}}, lastState: {}, ready: false, restartCount: 0, image: normalizeImage(c.image ?? ''), imageID: '', started: false}
}

/** Returns the status right after binding: containers being created, no IP yet. */
export function scheduledStatus(pod: Pod, at: Date, hostIP: string): PodStatus {
  const t = rfc3339(at)
  const names = pod.spec.containers.map((c) => c.name)
  return {
    phase: 'Pending',
    conditions: [
      condition('PodReadyToStartContainers', 'False', t),
      condition('Initialized', 'True', t),
      condition('Ready', 'False', t, 'ContainersNotReady', notReadyMessage(names)),
      condition('ContainersReady', 'False', t, 'ContainersNotReady', notReadyMessage(names)),
      condition('PodScheduled', 'True', t),
    ],
    hostIP,
    hostIPs: [{ip: hostIP}],
    startTime: t,
    containerStatuses: pod.spec.containers.map(waitingStatus).sort(byName),
    qosClass: qosClass(pod.spec.containers),
  }
}

function byName(a: {name: string}, b: {name: string}): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0
}

function setCondition(status: PodStatus, type: string, value: string, at: string, reason?: string, message?: string): void {
  const conditions = status.conditions ?? []
  const existing = conditions.find((c) => c.type === type)
  if (!existing) return
  if (existing.status !== value) existing.lastTransitionTime = at
  existing.status = value
  delete existing.reason
  delete existing.message
  if (reason) existing.reason = reason
  if (message) existing.message = message
}

/** Records the pod sandbox as ready with its IP. */
export function withSandbox(status: PodStatus, at: Date, ip: string): PodStatus {
  const next = clone(status)
  next.podIP = ip
  next.podIPs = [{ip}]
  setCondition(next, 'PodReadyToStartContainers', 'True', rfc3339(at))
  return next
}

/** Records container `name` as running (and ready, kbe has no failing probes yet) and updates phase and conditions. */
export function withContainerStarted(status: PodStatus, pod: Pod, name: string, at: Date, containerID: string): PodStatus {
  const next = clone(status)
  const t = rfc3339(at)
  const cs = (next.containerStatuses ?? []).find((s) => s.name === name)
  if (cs) {
    const container = pod.spec.containers.find((c) => c.name === name)
    cs.state = {running: {startedAt: t}}
    cs.ready = true
    cs.started = true
    cs.containerID = containerID
    cs.imageID = imageID(container?.image ?? '')
  }
  next.phase = 'Running'
  const unready = (next.containerStatuses ?? []).filter((s) => !s.ready).map((s) => s.name)
  if (unready.length === 0) {
    setCondition(next, 'Ready', 'True', t)
    setCondition(next, 'ContainersReady', 'True', t)
  } else {
    setCondition(next, 'Ready', 'False', t, 'ContainersNotReady', notReadyMessage(unready))
    setCondition(next, 'ContainersReady', 'False', t, 'ContainersNotReady', notReadyMessage(unready))
  }
  return next
}
