// The replication manager: keeps the number of active pods a ReplicationController owns at
// spec.replicas and reports status. Pods are created from the template with generateName `<rc>-` and a
// controller ownerReference; on scale-down the least valuable pods go first (kubectl's ActivePods
// ranking: unscheduled, pending, not ready, ready for less time, more restarts, newer). Orphan pods that
// match the selector are adopted. The ReplicaSet controller shares this core (issue: deployments).

import type {KubeObject, OwnerReference, Pod, PodTemplateSpec, ReplicaSet, ReplicationController} from '../api/types.js'
import {matchLabelSelector} from '../api/labels/selector.js'
import {clone, jsonEqual, type Action, type ControllerContext} from './context.js'

/** Returns the controller ownerReference of an object, if any. */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((o) => o.controller)
}

/** Returns whether a pod counts as active (kubelet hasn't finished it and nobody is deleting it). */
export function isPodActive(pod: Pod): boolean {
  return !pod.metadata.deletionTimestamp && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed'
}

/** Returns whether a pod is Ready (its Ready condition is True). */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
}

function matchesSelector(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  const entries = Object.entries(selector)
  return entries.length > 0 && entries.every(([k, v]) => labels?.[k] === v)
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

/** Syncs one replicated set of pods: creates, deletes and adopts to reach `replicas`; returns actions. */
export function syncReplicas(owner: KubeObject, replicas: number, selector: (labels?: Record<string, string>) => boolean, template: PodTemplateSpec, pods: Pod[], component: string): Action[] {
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
  if (diff < 0) {
    for (let i = 0; i < -diff; i++) actions.push({type: 'create', object: podFromTemplate(template, owner, `${owner.metadata.name}-`), createdEvent: (name) => ({involved: owner, type: 'Normal', reason: 'SuccessfulCreate', component, message: `Created pod: ${name}`})})
  } else if (diff > 0) {
    const victims = [...active].sort(compareForDeletion).slice(0, diff)
    for (const pod of victims) {
      actions.push({type: 'delete', object: pod})
      actions.push({type: 'event', event: {involved: owner, type: 'Normal', reason: 'SuccessfulDelete', component, message: `Deleted pod: ${pod.metadata.name}`}})
    }
  }
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

/**
 * Syncs every object of `resource` (skipping those whose inputs haven't changed since they were last in
 * sync): pods first, then — once the pods are as they should be — the status.
 */
function reconcileReplicated<T extends Replicated>(ctx: ControllerContext, resource: string, selects: (owner: T, labels?: Record<string, string>) => boolean, component: string): Action[] {
  const actions: Action[] = []
  const groups = new PodGroups(ctx)
  const upToDate = memoOf(ctx)
  for (const owner of ctx.store.list<T>(resource)) {
    if (owner.metadata.deletionTimestamp || !owner.spec.template) continue
    const pods = groups.candidates(owner.metadata.namespace, owner.metadata.uid)
    const inputs = inputsKey(owner, pods)
    if (upToDate.get(owner.metadata.uid as string) === inputs) continue
    const changes = syncReplicas(owner, owner.spec.replicas ?? 1, (l) => selects(owner, l), owner.spec.template, pods, component)
    actions.push(...changes)
    // Status is written once the pods are as they should be (the next pass sees the new pods).
    if (changes.length) continue
    const status = replicationStatus(owner as unknown as ReplicationController, groups.owned(owner.metadata.namespace, owner.metadata.uid))
    if (!jsonEqual(owner.status ?? {}, status)) actions.push({type: 'update', object: {...clone(owner), status}})
    else upToDate.set(owner.metadata.uid as string, inputs)
  }
  return actions
}

/** The ReplicationController controller (a map selector). */
export function reconcileReplicationControllers(ctx: ControllerContext): Action[] {
  return reconcileReplicated<ReplicationController>(ctx, 'replicationcontrollers', (rc, l) => matchesSelector(rc.spec.selector ?? {}, l), 'replication-controller')
}

/** The ReplicaSet controller (a metav1.LabelSelector, matchExpressions included). */
export function reconcileReplicaSets(ctx: ControllerContext): Action[] {
  return reconcileReplicated<ReplicaSet>(ctx, 'replicasets', (rs, l) => matchLabelSelector(rs.spec.selector, l), 'replicaset-controller')
}

/**
 * The pods of each namespace grouped by controller uid, built once per controller run: a controller
 * needs only the pods it owns and the orphans it may adopt (in store order), so R controllers over P
 * pods cost O(P + R) instead of O(R × P). The store does not change while a controller runs.
 */
class PodGroups {
  private readonly namespaces = new Map<string, {byOwner: Map<string, Pod[]>; orphans: Pod[]}>()

  constructor(private readonly ctx: ControllerContext) {}

  /** Returns the pods the controller `uid` owns. */
  owned(namespace: string | undefined, uid: string | undefined): Pod[] {
    return this.group(namespace).byOwner.get(uid ?? '') ?? []
  }

  /** Returns the pods controller `uid` owns plus the orphans, in store order. */
  candidates(namespace: string | undefined, uid: string | undefined): Pod[] {
    const g = this.group(namespace)
    const owned = g.byOwner.get(uid ?? '') ?? []
    if (g.orphans.length === 0) return owned
    // Store order within one namespace is name order.
    return [...owned, ...g.orphans].sort((a, b) => ((a.metadata.name as string) < (b.metadata.name as string) ? -1 : 1))
  }

  private group(namespace: string | undefined) {
    const key = namespace ?? ''
    let g = this.namespaces.get(key)
    if (!g) {
      g = {byOwner: new Map(), orphans: []}
      for (const pod of this.ctx.store.list<Pod>('pods', namespace)) {
        const ref = controllerOf(pod)
        if (!ref) g.orphans.push(pod)
        else {
          const list = g.byOwner.get(ref.uid)
          if (list) list.push(pod)
          else g.byOwner.set(ref.uid, [pod])
        }
      }
      this.namespaces.set(key, g)
    }
    return g
  }
}

// Per store: controller uid → the inputs (its own and its candidate pods' resourceVersions) under which
// it had nothing to do. Every write gives a new resourceVersion, so an equal key means nothing changed.
const memos = new WeakMap<object, Map<string, string>>()

function memoOf(ctx: ControllerContext): Map<string, string> {
  let memo = memos.get(ctx.store)
  if (!memo) memos.set(ctx.store, (memo = new Map()))
  return memo
}

function inputsKey(owner: KubeObject, pods: Pod[]): string {
  let key = `${owner.metadata.resourceVersion}`
  for (const p of pods) key += `|${p.metadata.uid}@${p.metadata.resourceVersion}`
  return key
}
