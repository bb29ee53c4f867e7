// The replication manager: keeps the number of active pods a ReplicationController owns at
// spec.replicas and reports status. Pods are created from the template with generateName `<rc>-` and a
// controller ownerReference; on scale-down the least valuable pods go first (kubectl's ActivePods
// ranking: unscheduled, pending, not ready, ready for less time, more restarts, newer). Orphan pods that
// match the selector are adopted. The ReplicaSet controller shares this core (issue: deployments). A
// controller is synced only when it, one of its pods or an orphan of its namespace changed, and its
// status comes from running counts (pod-owners.ts), so one pod's change costs O(1) here. Creating and
// deleting pods are requests of the controller's client, paced at 20 a second with bursts of 30
// (client-rate-limit.ts): a controller its budget holds back stays queued and reports the pods it has.

import type {KubeObject, OwnerReference, Pod, PodTemplateSpec, ReplicaSet, ReplicationController} from '../api/types.js'
import {matchLabelSelector} from '../api/labels/selector.js'
import {objectKey} from '../store/store.js'
import {clone, cloneWith, jsonEqual, type Action, type ControllerContext} from './context.js'
import {isPodActive, isPodReady, matchesSelector, podOwnerIndex, type OwnedPods, type PodOwnerIndex} from './pod-owners.js'
import {watch} from './watch.js'
import {perStore, WorkQueue} from './work-queue.js'

export {isPodActive, isPodReady} from './pod-owners.js'

/** Returns the controller ownerReference of an object, if any. */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((o) => o.controller)
}


const PHASE_RANK: Record<string, number> = {Pending: 0, Unknown: 1, Running: 2}

function readySince(pod: Pod): number {
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready' && x.status === 'True')
  return c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : 0
}

/** Orders pods so that the ones to delete first on scale-down come first (controller.ActivePods). */
export function compareForDeletion(a: Pod, b: Pod): number {
  const assigned = (p: Pod) => (p.spec.nodeName ? 1 : 0)
  if (assigned(a) !== assigned(b)) return assigned(a) - assigned(b)
  const phase = (p: Pod) => PHASE_RANK[p.status?.phase ?? 'Pending'] ?? 0
  if (phase(a) !== phase(b)) return phase(a) - phase(b)
  const ready = (p: Pod) => (isPodReady(p) ? 1 : 0)
  if (ready(a) !== ready(b)) return ready(a) - ready(b)
  if (isPodReady(a) && readySince(a) !== readySince(b)) return readySince(b) - readySince(a)
  const restarts = (p: Pod) => (p.status?.containerStatuses ?? []).reduce((n, s) => n + s.restartCount, 0)
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a)
  const created = (p: Pod) => Date.parse(p.metadata.creationTimestamp ?? '') || 0
  if (created(a) !== created(b)) return created(b) - created(a)
  return 0
}

/** Returns a new pod for a controller's template, owned by `owner`. */
export function podFromTemplate(template: PodTemplateSpec, owner: KubeObject, namePrefix: string): Pod {
  const meta = template.metadata ?? {}
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: namePrefix,
      namespace: owner.metadata.namespace,
      ...(meta.labels ? {labels: clone(meta.labels)} : {}),
      ...(meta.annotations ? {annotations: clone(meta.annotations)} : {}),
      ownerReferences: [{apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name as string, uid: owner.metadata.uid as string, controller: true, blockOwnerDeletion: true}],
    },
    spec: clone(template.spec),
  }
  return pod
}

/**
 * Syncs one replicated set of pods: creates, deletes and adopts to reach `replicas`; returns actions.
 * `grant` says how many of the creations or deletions needed the controller's client may request now.
 */
export function syncReplicas(owner: KubeObject, replicas: number, selector: (labels?: Record<string, string>) => boolean, template: PodTemplateSpec, pods: Pod[], component: string, grant: (wanted: number) => number = (n) => n): Action[] {
  const actions: Action[] = []
  const uid = owner.metadata.uid
  const owned: Pod[] = []
  for (const pod of pods) {
    const ref = controllerOf(pod)
    if (ref?.uid === uid) owned.push(pod)
    else if (!ref && isPodActive(pod) && selector(pod.metadata.labels)) {
      const adopted = clone(pod)
      adopted.metadata.ownerReferences = [...(adopted.metadata.ownerReferences ?? []), {apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name as string, uid: uid as string, controller: true, blockOwnerDeletion: true}]
      actions.push({type: 'update', object: adopted})
      owned.push(adopted)
    }
  }
  const active = owned.filter(isPodActive)
  const diff = active.length - replicas
  const allowed = diff === 0 ? 0 : grant(Math.abs(diff))
  if (diff < 0) {
    actions.push(...createPods(owner, template, allowed, component))
  } else if (diff > 0) {
    const victims = [...active].sort(compareForDeletion).slice(0, allowed)
    for (const pod of victims) {
      actions.push({type: 'delete', object: pod})
      actions.push({type: 'event', event: {involved: owner, type: 'Normal', reason: 'SuccessfulDelete', component, message: `Deleted pod: ${pod.metadata.name}`}})
    }
  }
  return actions
}

/** Returns the actions that create `count` pods from `template` for `owner`, each with its event. */
function createPods(owner: KubeObject, template: PodTemplateSpec, count: number, component: string): Action[] {
  const actions: Action[] = []
  for (let i = 0; i < count; i++) actions.push({type: 'create', object: podFromTemplate(template, owner, `${owner.metadata.name}-`), createdEvent: (name) => ({involved: owner, type: 'Normal', reason: 'SuccessfulCreate', component, message: `Created pod: ${name}`})})
  return actions
}

/** Returns the RC status computed from the pods it owns. */
export function replicationStatus(rc: ReplicationController, owned: Pod[]): NonNullable<ReplicationController['status']> {
  const active = owned.filter(isPodActive)
  const ready = active.filter(isPodReady).length
  const labeled = active.filter((p) => matchesSelector(rc.spec.template?.metadata?.labels ?? {}, p.metadata.labels)).length
  // Every field but replicas is omitempty in the API.
  const status: NonNullable<ReplicationController['status']> = {replicas: active.length}
  if (labeled) status.fullyLabeledReplicas = labeled
  if (ready) status.readyReplicas = ready
  if (ready) status.availableReplicas = ready
  status.observedGeneration = rc.metadata.generation ?? 1
  return status
}

/** A replicated set of pods (ReplicationController or ReplicaSet) as the shared sync sees it. */
interface Replicated extends KubeObject {
  spec: {replicas?: number; template?: PodTemplateSpec}
  status?: object
}

/** Per store and resource: the controllers to look at again, and controller uid → store key. */
interface ReplicatedState {
  queue: WorkQueue
  keyOfUid: Map<string, string>
}

const states = new Map<string, WeakMap<object, ReplicatedState>>()

/**
 * Returns the work queue of `resource`'s controller for this store. The first call queues every
 * controller (a full resync); after that a watch queues a controller when it changes, when a pod it
 * owns changes, and — all controllers of the namespace — when an orphan they might adopt changes.
 */
function stateOf(ctx: ControllerContext, resource: string): ReplicatedState {
  let byStore = states.get(resource)
  if (!byStore) states.set(resource, (byStore = new WeakMap()))
  return perStore(byStore, ctx.store, () => {
    const state: ReplicatedState = {queue: new WorkQueue(), keyOfUid: new Map()}
    const track = (key: string, obj: KubeObject | undefined) => {
      if (obj?.metadata.uid) state.keyOfUid.set(obj.metadata.uid, key)
    }
    for (const owner of ctx.store.list(resource)) {
      const key = objectKey(owner.metadata.namespace, owner.metadata.name as string)
      track(key, owner)
      state.queue.add(key)
    }
    watch(ctx.store, [resource], ({key, prev, next}) => {
      if (prev?.metadata.uid && !next) state.keyOfUid.delete(prev.metadata.uid)
      track(key, next)
      state.queue.add(key)
    })
    podOwnerIndex(ctx.store).onChange((namespace, uid) => {
      if (uid !== undefined) {
        const key = state.keyOfUid.get(uid)
        if (key !== undefined) state.queue.add(key)
        return
      }
      for (const owner of ctx.store.list(resource, namespace)) state.queue.add(objectKey(owner.metadata.namespace, owner.metadata.name as string))
    })
    return state
  })
}

/**
 * Syncs the controllers of `resource` whose inputs changed (the work queue): pods first, then — once the
 * pods are as they should be — the status. With the right number of active pods and no orphan to adopt,
 * a sync costs O(1) from the index's counts; only a resize or an adoption looks at the pods themselves.
 */
function reconcileReplicated<T extends Replicated>(ctx: ControllerContext, resource: string, selects: (owner: T, labels?: Record<string, string>) => boolean, component: string): Action[] {
  const take = (wanted: number) => ctx.clients.take(component, wanted)
  const state = stateOf(ctx, resource)
  if (state.queue.size === 0) return []
  const index = podOwnerIndex(ctx.store)
  const actions: Action[] = []
  for (const key of state.queue.pending()) {
    const owner = ctx.store.findByKey<T>(resource, key)
    if (!owner || owner.metadata.deletionTimestamp || !owner.spec.template) {
      state.queue.forget(key)
      continue
    }
    const {changes, throttled} = syncOwner(owner, index, selects, component, take)
    actions.push(...changes)
    // A controller its client's budget held back stays queued: it goes on when the next batch is ready.
    if (changes.length === 0 && !throttled) state.queue.forget(key)
  }
  return actions
}

/**
 * Syncs one controller; `throttled` when its client's budget (`take`) held back pods it has to create or
 * delete. Without an orphan to adopt, the count of pods to create or delete comes from the index, so a
 * throttled controller costs O(1) until its next batch is ready.
 */
function syncOwner<T extends Replicated>(owner: T, index: PodOwnerIndex, selects: (owner: T, labels?: Record<string, string>) => boolean, component: string, take: (wanted: number) => number): {changes: Action[]; throttled: boolean} {
  const namespace = owner.metadata.namespace
  const owned = index.owned(namespace, owner.metadata.uid)
  const orphans = index.orphans(namespace)
  const replicas = owner.spec.replicas ?? 1
  let adoptable = false
  for (const pod of orphans.values()) {
    if (isPodActive(pod) && selects(owner, pod.metadata.labels)) {
      adoptable = true
      break
    }
  }
  let throttled = false
  if (adoptable || owned.active !== replicas) {
    let granted = Infinity
    if (!adoptable) {
      const wanted = Math.abs(owned.active - replicas)
      granted = take(wanted)
      throttled = granted < wanted
    }
    if (granted > 0 && !adoptable && owned.active < replicas) {
      // Pods to create and none to adopt: which pods exist does not matter (a big scale-up's batches
      // would otherwise each list every pod made so far).
      return {changes: createPods(owner, owner.spec.template as PodTemplateSpec, granted, component), throttled}
    }
    if (granted > 0) {
      // The candidates in store order: the pods it owns and the orphans (one namespace: name order).
      const pods = owned.inStoreOrder()
      if (orphans.size) pods.push(...orphans.values())
      if (orphans.size) pods.sort((a, b) => ((a.metadata.name as string) < (b.metadata.name as string) ? -1 : 1))
      const grant = (wanted: number) => {
        if (granted !== Infinity) return Math.min(wanted, granted)
        const n = take(wanted)
        throttled = n < wanted
        return n
      }
      const changes = syncReplicas(owner, replicas, (l) => selects(owner, l), owner.spec.template as PodTemplateSpec, pods, component, grant)
      // Status is written once the pods are as they should be (the next pass sees the new pods).
      if (changes.length) return {changes, throttled}
    }
  }
  const status = countedStatus(owner, owned)
  if (jsonEqual(owner.status ?? {}, status)) return {changes: [], throttled}
  return {changes: [{type: 'update', object: cloneWith(owner, {status})}], throttled}
}

/** replicationStatus from the index's counts. */
function countedStatus(owner: Replicated, owned: OwnedPods): NonNullable<ReplicationController['status']> {
  const labeled = owned.labeledBy(owner.spec.template?.metadata?.labels ?? {})
  const status: NonNullable<ReplicationController['status']> = {replicas: owned.active}
  if (labeled) status.fullyLabeledReplicas = labeled
  if (owned.ready) status.readyReplicas = owned.ready
  if (owned.ready) status.availableReplicas = owned.ready
  status.observedGeneration = owner.metadata.generation ?? 1
  return status
}

/** The ReplicationController controller (a map selector). */
export function reconcileReplicationControllers(ctx: ControllerContext): Action[] {
  return reconcileReplicated<ReplicationController>(ctx, 'replicationcontrollers', (rc, l) => matchesSelector(rc.spec.selector ?? {}, l), 'replication-controller')
}

/** The ReplicaSet controller (a metav1.LabelSelector, matchExpressions included). */
export function reconcileReplicaSets(ctx: ControllerContext): Action[] {
  return reconcileReplicated<ReplicaSet>(ctx, 'replicasets', (rs, l) => matchLabelSelector(rs.spec.selector, l), 'replicaset-controller')
}
