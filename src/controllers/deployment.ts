// The deployment controller: for each Deployment, its ReplicaSets (those it controls) are brought one
// step closer to the template and replica count the Deployment asks for, one step per pass like the
// real controller's sync: a scaling event (spec.replicas changed) resizes the active ReplicaSet; a
// RollingUpdate grows the new ReplicaSet within maxSurge and shrinks the old ones as new pods become
// available within maxUnavailable; Recreate scales the old ones to zero, waits for their pods to be
// gone, then scales up the new one. Old ReplicaSets beyond revisionHistoryLimit are deleted once the
// rollout is complete, and the status (counts, Available/Progressing) is written after each step.
// Rolling back is a template change (kubectl rollout undo): the old ReplicaSet matches again and is
// reused with a new revision.

import type {KubeObject, Pod} from '../api/types.js'
import {objectKey, type ObjectStore} from '../store/store.js'
import type {Action, ControllerContext} from './context.js'
import {watch} from './watch.js'
import {perStore, WorkQueue} from './work-queue.js'
import {controllerOf} from './replication.js'
import {deploymentComplete, rolloutStatus, calculateStatus} from './deployment-status.js'
import {DeploymentSync} from './deployment-sync.js'
import {
  availableReplicas, byCreation, DESIRED_REPLICAS, isRolling, maxSurge, maxUnavailable, revisionOf, specReplicas,
  type DeploymentObject, type ReplicaSetObject,
} from './deployment-util.js'

const active = (sets: ReplicaSetObject[]) => sets.filter((rs) => (rs.spec.replicas ?? 0) > 0)

/** The Deployment controller: syncs the Deployments whose inputs changed (see deploymentQueue). */
export function reconcileDeployments(ctx: ControllerContext): Action[] {
  const queue = deploymentQueue(ctx.store)
  if (queue.size === 0) return []
  const actions: Action[] = []
  for (const key of queue.pending()) {
    const d = ctx.store.findByKey<DeploymentObject>('deployments', key)
    if (!d || d.metadata.deletionTimestamp || !d.spec.template) {
      queue.forget(key)
      continue
    }
    const ns = d.metadata.namespace
    const sets = ctx.store.list<ReplicaSetObject>('replicasets', ns).filter((rs) => controllerOf(rs)?.uid === d.metadata.uid && !rs.metadata.deletionTimestamp)
    // Like the real controller's expectations: wait until every ReplicaSet's status reflects its last
    // resize, so that pods already being deleted are not counted as available twice. (The status write
    // that ends the wait queues the Deployment again.)
    if (sets.some((rs) => (rs.status?.observedGeneration ?? 0) < (rs.metadata.generation ?? 1))) {
      queue.forget(key)
      continue
    }
    // Only Recreate looks at pods.
    const pods = isRolling(d) ? [] : ctx.store.list<Pod>('pods', ns)
    const changes = syncDeployment(d, sets, pods, ctx.now)
    actions.push(...changes)
    if (changes.length === 0) queue.forget(key)
  }
  return actions
}

const queues = new WeakMap<object, WorkQueue>()

/**
 * The Deployments to sync: at first all of them; then, from watches, a Deployment that was written, the
 * Deployment controlling a ReplicaSet that was written, and the Recreate Deployments of a namespace in
 * which a pod was written (Recreate waits for the old pods to be gone). A Deployment whose sync had
 * nothing to do is forgotten until one of those happens.
 */
function deploymentQueue(store: ObjectStore): WorkQueue {
  return perStore(queues, store, () => {
    const queue = new WorkQueue()
    const keyOfUid = new Map<string, string>()
    const recreate = new Map<string, Set<string>>()
    const track = (key: string, prev: KubeObject | undefined, next: KubeObject | undefined) => {
      if (prev?.metadata.uid) keyOfUid.delete(prev.metadata.uid)
      recreate.get(prev?.metadata.namespace ?? '')?.delete(key)
      if (next?.metadata.uid) keyOfUid.set(next.metadata.uid, key)
      if (next && !isRolling(next as DeploymentObject)) {
        const ns = next.metadata.namespace ?? ''
        const set = recreate.get(ns)
        if (set) set.add(key)
        else recreate.set(ns, new Set([key]))
      }
      queue.add(key)
    }
    for (const d of store.list('deployments')) track(objectKey(d.metadata.namespace, d.metadata.name as string), undefined, d)
    watch(store, ['deployments'], ({key, prev, next}) => track(key, prev, next))
    watch(store, ['replicasets'], ({prev, next}) => {
      for (const rs of [prev, next]) {
        const key = rs && keyOfUid.get(controllerOf(rs)?.uid ?? '')
        if (key !== undefined) queue.add(key)
      }
    })
    watch(store, ['pods'], ({prev, next}) => {
      for (const key of recreate.get((next ?? prev)?.metadata.namespace ?? '') ?? []) queue.add(key)
    })
    return queue
  })
}

/** One sync of one Deployment (syncDeployment): returns the actions of this step. */
export function syncDeployment(d: DeploymentObject, sets: ReplicaSetObject[], pods: Pod[], now: Date): Action[] {
  const sync = new DeploymentSync(d, sets, now)
  if (d.spec.paused || isScalingEvent(sync)) return scaleOnly(sync)
  return isRolling(d) ? rolloutRolling(sync) : rolloutRecreate(sync, pods)
}

function isScalingEvent(sync: DeploymentSync): boolean {
  return active(sync.sets).some((rs) => {
    const desired = rs.metadata.annotations?.[DESIRED_REPLICAS]
    return desired !== undefined && Number(desired) !== sync.replicas
  })
}

/** sync: resize without rolling (a scaling event or a paused Deployment), then write the status. */
function scaleOnly(sync: DeploymentSync): Action[] {
  const newRS = sync.getNew(false)
  const olds = sync.olds(newRS)
  scaleSets(sync, newRS, olds)
  const all = newRS ? [...olds, newRS] : olds
  if (sync.d.spec.paused) cleanup(sync, olds)
  return sync.finish(calculateStatus(sync.d, all, newRS, sync.now))
}

function activeOrLatest(newRS: ReplicaSetObject | undefined, olds: ReplicaSetObject[]): ReplicaSetObject | undefined {
  if (!newRS && olds.length === 0) return undefined
  const newestFirst = [...olds].sort((a, b) => byCreation(b, a))
  const all = active(newRS ? [...newestFirst, newRS] : newestFirst)
  if (all.length === 0) return newRS ?? newestFirst[0]
  return all.length === 1 ? all[0] : undefined
}

function scaleSets(sync: DeploymentSync, newRS: ReplicaSetObject | undefined, olds: ReplicaSetObject[]): void {
  const only = activeOrLatest(newRS, olds)
  if (only) {
    sync.scaleIfNeeded(only, sync.replicas)
    return
  }
  const saturated = newRS && newRS.spec.replicas === sync.replicas && (newRS.status?.availableReplicas ?? 0) === sync.replicas
  if (saturated) {
    for (const rs of active(olds)) sync.scaleIfNeeded(rs, 0)
    return
  }
  if (!isRolling(sync.d)) return
  // Proportional scaling, simplified: the whole difference goes to the newest (when growing) or the
  // oldest (when shrinking) active ReplicaSet, then the next, never below zero.
  const all = active(newRS ? [...olds, newRS] : olds)
  const allowed = sync.replicas > 0 ? sync.replicas + maxSurge(sync.d) : 0
  let toAdd = allowed - specReplicas(all)
  const order = toAdd > 0 ? [...all].sort((a, b) => byCreation(b, a)) : [...all].sort(byCreation)
  for (const rs of order) {
    const size = rs.spec.replicas ?? 0
    const next = Math.max(0, size + toAdd)
    toAdd -= next - size
    sync.scale(rs, next)
  }
}

/** rolloutRolling: one step of a rolling update. */
function rolloutRolling(sync: DeploymentSync): Action[] {
  const newRS = sync.getNew(true) as ReplicaSetObject
  const olds = sync.olds(newRS)
  const all = [...olds, newRS]
  const done = (): Action[] => sync.finish(rolloutStatus(sync.d, all, newRS, sync.now))
  if (reconcileNew(sync, newRS)) return done()
  if (reconcileOld(sync, olds, newRS)) return done()
  if (deploymentComplete(sync.d, calculateStatus(sync.d, all, newRS, sync.now))) cleanup(sync, olds)
  return done()
}

function reconcileNew(sync: DeploymentSync, newRS: ReplicaSetObject): boolean {
  const size = newRS.spec.replicas ?? 0
  if (size === sync.replicas) return false
  if (size > sync.replicas) return sync.scaleIfNeeded(newRS, sync.replicas)
  return sync.scaleIfNeeded(newRS, sync.newRSNewReplicas(newRS))
}

function reconcileOld(sync: DeploymentSync, olds: ReplicaSetObject[], newRS: ReplicaSetObject): boolean {
  const oldCount = specReplicas(olds)
  if (oldCount === 0) return false
  const all = [...olds, newRS]
  const minAvailable = sync.replicas - maxUnavailable(sync.d)
  const newUnavailable = (newRS.spec.replicas ?? 0) - (newRS.status?.availableReplicas ?? 0)
  const maxScaledDown = specReplicas(all) - minAvailable - newUnavailable
  if (maxScaledDown <= 0) return false
  let cleaned = 0
  for (const rs of active([...olds].sort(byCreation))) {
    if (cleaned >= maxScaledDown) break
    const unhealthy = (rs.spec.replicas ?? 0) - (rs.status?.availableReplicas ?? 0)
    if (unhealthy <= 0) continue
    const down = Math.min(maxScaledDown - cleaned, unhealthy)
    sync.scale(rs, (rs.spec.replicas ?? 0) - down)
    cleaned += down
  }
  return cleaned + scaleDownOld(sync, olds, all, minAvailable) > 0
}

function scaleDownOld(sync: DeploymentSync, olds: ReplicaSetObject[], all: ReplicaSetObject[], minAvailable: number): number {
  const available = availableReplicas(all)
  if (available <= minAvailable) return 0
  const total = available - minAvailable
  let scaled = 0
  for (const rs of [...olds].sort(byCreation)) {
    if (scaled >= total) break
    const size = rs.spec.replicas ?? 0
    if (size === 0) continue
    const down = Math.min(size, total - scaled)
    sync.scale(rs, size - down)
    scaled += down
  }
  return scaled
}

/** rolloutRecreate: old ReplicaSets to zero, wait for their pods to go, then the new one at full size. */
function rolloutRecreate(sync: DeploymentSync, pods: Pod[]): Action[] {
  let newRS = sync.getNew(false)
  const olds = sync.olds(newRS)
  const status = () => sync.finish(rolloutStatus(sync.d, newRS ? [...olds, newRS] : olds, newRS, sync.now))
  let scaledDown = false
  for (const rs of active(olds)) scaledDown = sync.scaleIfNeeded(rs, 0) || scaledDown
  if (scaledDown) return status()
  const oldUids = new Set(olds.map((rs) => rs.metadata.uid))
  const running = pods.some((p) => oldUids.has(controllerOf(p)?.uid) && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
  if (running || olds.some((rs) => (rs.status?.replicas ?? 0) > 0)) return status()
  newRS ??= sync.getNew(true) as ReplicaSetObject
  sync.scaleIfNeeded(newRS, sync.replicas)
  if (deploymentComplete(sync.d, calculateStatus(sync.d, [...olds, newRS], newRS, sync.now))) cleanup(sync, olds)
  return status()
}

/** cleanupDeployment: deletes the oldest empty old ReplicaSets beyond revisionHistoryLimit. */
function cleanup(sync: DeploymentSync, olds: ReplicaSetObject[]): void {
  const limit = sync.d.spec.revisionHistoryLimit
  if (limit === undefined) return
  const cleanable = olds.filter((rs) => !rs.metadata.deletionTimestamp)
  const excess = cleanable.length - limit
  if (excess <= 0) return
  const byRevision = [...cleanable].sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b))
  for (const rs of byRevision.slice(0, excess)) {
    if ((rs.status?.replicas ?? 0) !== 0 || (rs.spec.replicas ?? 0) !== 0) continue
    if ((rs.metadata.generation ?? 1) > (rs.status?.observedGeneration ?? 0)) continue
    sync.actions.push({type: 'delete', object: rs})
  }
}
