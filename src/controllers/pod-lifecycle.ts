// The scheduler and the kubelet of the one simulated node, kwok-style: binding a pod plans its life as
// timed steps (sandbox with its IP, then per container pull → create/start), with delays drawn from the
// seeded random source within the ranges of KUBELET_TIMING; the cluster fires the steps in time order as
// the clock moves. Deleting a pod plans a kill and, shortly after, its removal. Each step returns
// actions (status updates, kubelet events); this module never writes the store.

import type {KubeObject, Node, Pod} from '../api/types.js'
import type {ObjectStore} from '../store/store.js'
import {isPodUnbound} from '../store/pod-digest.js'
import type {PodRuntime, PodStep} from '../cluster/state.js'
import type {Random} from '../util/random.js'
import {allocatePodIP} from '../net/ipam.js'
import {goDuration, imageSize, normalizeImage} from './images.js'
import {cloneWith, type Action, type ControllerContext} from './context.js'
import {scheduledStatus, unschedulableStatus, withContainerStarted, withSandbox} from './pod-status.js'
import {watch} from './watch.js'
import {perStore, WorkQueue} from './work-queue.js'

/** Step delays in milliseconds, [min, max): the data behind every pod's timeline. */
export const KUBELET_TIMING = {
  sandbox: [400, 900],
  pullStart: [100, 300],
  pull: [2800, 4800],
  alreadyPresent: [50, 150],
  start: [150, 450],
  stop: [600, 1600],
} as const

function jitter(random: Random, range: readonly [number, number]): number {
  return range[0] + random.int(range[1] - range[0])
}

/** Returns whether the pod's nodeSelector matches the node's labels. */
export function podFitsNode(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {}
  return Object.entries(pod.spec.nodeSelector ?? {}).every(([k, v]) => labels[k] === v)
}

/**
 * Returns the next version of a pod with a new status (and spec, for a binding). The metadata is copied
 * (the store stamps the new resourceVersion into it); the spec's parts are shared with the version it
 * replaces: stored objects are never edited in place, and copying every container and volume on each of
 * a pod's status updates was most of the cost of a kubelet step.
 */
function withStatus(pod: Pod, status: Pod['status'], spec: Pod['spec'] = pod.spec): Pod {
  return cloneWith(pod, {spec, status})
}

const UNSCHEDULABLE_MESSAGE = "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling."

/** The scheduler: binds every pending, unbound pod that fits the node; reports the ones that don't. */
export function schedulePods(ctx: ControllerContext): Action[] {
  const queue = schedulingQueue(ctx.store)
  if (queue.size === 0) return []
  const node = ctx.store.find<Node>('nodes', undefined, ctx.nodeName)
  if (!node) return []
  const hostIP = node.status.addresses?.find((a) => a.type === 'InternalIP')?.address ?? ''
  const actions: Action[] = []
  for (const key of queue.pending()) {
    const pod = ctx.store.findByKey<Pod>('pods', key)
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp) {
      queue.forget(key)
      continue
    }
    if (!podFitsNode(pod, node)) {
      const already = pod.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'Unschedulable')
      if (already) {
        queue.forget(key)
        continue
      }
      actions.push({type: 'update', object: withStatus(pod, unschedulableStatus(pod, ctx.now, UNSCHEDULABLE_MESSAGE))})
      actions.push({type: 'event', event: {involved: pod, type: 'Warning', reason: 'FailedScheduling', message: UNSCHEDULABLE_MESSAGE, component: 'default-scheduler'}})
      continue
    }
    const bound = withStatus(pod, scheduledStatus(pod, ctx.now, hostIP), {...pod.spec, nodeName: ctx.nodeName})
    actions.push({type: 'update', object: bound})
    actions.push({type: 'event', event: {involved: pod, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${ctx.nodeName}`, component: 'default-scheduler'}})
    actions.push({type: 'runtime', uid: pod.metadata.uid as string, runtime: {namespace: pod.metadata.namespace as string, name: pod.metadata.name as string, steps: [{at: ctx.now.getTime() + jitter(ctx.random, KUBELET_TIMING.sandbox), step: 'sandbox'}]}})
  }
  return actions
}

const schedulingQueues = new WeakMap<object, WorkQueue>()

/**
 * The scheduler's queue of pods to look at: at first every unbound pod; then, from a watch, a pod that
 * was written and is still unbound, and every unbound pod again when a node changes (its labels decide
 * what fits). A pod found unschedulable (and already reported) is forgotten until one of those happens.
 */
function schedulingQueue(store: ObjectStore): WorkQueue {
  return perStore(schedulingQueues, store, () => {
    const queue = new WorkQueue()
    const unbound = new Set<string>()
    const pending = (pod: KubeObject | undefined) => pod !== undefined && isPodUnbound(pod as Pod)
    for (const key of store.keys('pods')) {
      // A pod the state file has a digest of is not read (pod-digest.ts): the digest says whether it is bound.
      const digest = store.podDigest(key)
      if (!(digest ? digest.unbound : pending(store.findByKey('pods', key)))) continue
      unbound.add(key)
      queue.add(key)
    }
    watch(store, ['pods'], ({key, next}) => {
      if (pending(next)) {
        unbound.add(key)
        queue.add(key)
      } else {
        unbound.delete(key)
        queue.forget(key)
      }
    })
    watch(store, ['nodes'], () => {
      for (const key of unbound) queue.add(key)
    })
    return queue
  })
}

/** What a kubelet step may consult beyond the pod: the node, the image cache and the IPs in use. */
export interface KubeletView extends ControllerContext {
  node: Node
  images: Record<string, number>
  podIPsInUse: Set<string>
  /** Hands out the lowest free pod address (the cluster's fast pool); allocatePodIP over podIPsInUse if absent. */
  allocatePodIP?: () => string | undefined
}

function containerEvent(pod: Pod, index: number, reason: string, message: string, node: string): Action {
  const name = pod.spec.containers[index].name
  return {type: 'event', event: {involved: pod, type: 'Normal', reason, message, component: 'kubelet', host: node, fieldPath: `spec.containers{${name}}`}}
}

/** Plans the pull (or reuse) and start of container `index`, starting at `at`. */
function planContainer(pod: Pod, index: number, at: number, view: KubeletView, runtime: PodRuntime): void {
  const image = normalizeImage(pod.spec.containers[index].image ?? '')
  const ready = view.images[image]
  if (ready !== undefined && ready <= at) {
    runtime.steps.push({at, step: 'pulled', container: index})
    runtime.steps.push({at: at + jitter(view.random, KUBELET_TIMING.alreadyPresent), step: 'start', container: index})
    return
  }
  // Another pod may be pulling the same image already: this one waits for that pull to finish.
  const pullDone = ready ?? at + jitter(view.random, KUBELET_TIMING.pull)
  view.images[image] = pullDone
  runtime.steps.push({at, step: 'pulling', container: index})
  runtime.steps.push({at: pullDone, step: 'pulled', container: index, since: at})
  runtime.steps.push({at: pullDone + jitter(view.random, KUBELET_TIMING.start), step: 'start', container: index})
}

/** Runs one due kubelet step for `pod`, updating `runtime` (its remaining steps, its IP). */
export function runKubeletStep(pod: Pod, runtime: PodRuntime, step: PodStep, view: KubeletView): Action[] {
  const node = view.node.metadata.name as string
  const at = view.now
  switch (step.step) {
    case 'sandbox': {
      const ip = runtime.ip ?? (view.allocatePodIP ? view.allocatePodIP() : allocatePodIP(view.podIPsInUse))
      if (!ip) {
        return [{type: 'event', event: {involved: pod, type: 'Warning', reason: 'FailedCreatePodSandBox', component: 'kubelet', host: node,
          message: 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to set up pod network: failed to allocate for range 0: no IP addresses available in range set: 172.17.0.1-172.17.255.254'}}]
      }
      runtime.ip = ip
      view.podIPsInUse.add(ip)
      planContainer(pod, 0, at.getTime() + jitter(view.random, KUBELET_TIMING.pullStart), view, runtime)
      return [{type: 'update', object: withStatus(pod, withSandbox(pod.status ?? {}, at, ip))}]
    }
    case 'pulling': {
      const image = pod.spec.containers[step.container ?? 0].image ?? ''
      return [containerEvent(pod, step.container ?? 0, 'Pulling', `Pulling image "${image}"`, node)]
    }
    case 'pulled': {
      const index = step.container ?? 0
      const image = pod.spec.containers[index].image ?? ''
      if (step.since === undefined) return [containerEvent(pod, index, 'Pulled', `Container image "${image}" already present on machine`, node)]
      const took = goDuration(at.getTime() - step.since)
      return [containerEvent(pod, index, 'Pulled', `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${imageSize(image)} bytes.`, node)]
    }
    case 'start': {
      const index = step.container ?? 0
      const container = pod.spec.containers[index]
      const containerID = `docker://${view.random.uuid().replaceAll('-', '')}${view.random.uuid().replaceAll('-', '')}`
      if (index + 1 < pod.spec.containers.length) planContainer(pod, index + 1, at.getTime(), view, runtime)
      return [
        containerEvent(pod, index, 'Created', `Created container ${container.name}`, node),
        containerEvent(pod, index, 'Started', `Started container ${container.name}`, node),
        {type: 'update', object: withStatus(pod, withContainerStarted(pod.status ?? {}, pod, container.name, at, containerID))},
      ]
    }
    case 'kill': {
      const running = (pod.status?.containerStatuses ?? []).filter((s) => s.state.running)
      return running.map((s) => containerEvent(pod, pod.spec.containers.findIndex((c) => c.name === s.name), 'Killing', `Stopping container ${s.name}`, node))
    }
    default:
      return []
  }
}

/** Plans the kubelet's side of a graceful deletion that starts at `at`: kill now, removal shortly after. */
export function planTermination(runtime: PodRuntime, at: number, random: Random, bound: boolean): void {
  runtime.steps = bound
    ? [{at, step: 'kill'}, {at: at + jitter(random, KUBELET_TIMING.stop), step: 'remove'}]
    : [{at, step: 'remove'}]
}
