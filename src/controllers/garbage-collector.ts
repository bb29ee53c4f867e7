// The garbage collector, background propagation only: an object whose every ownerReference points at
// an owner that no longer exists is deleted (pods gracefully, through the kubelet). Deleting a
// ReplicationController therefore takes its pods with it, as `kubectl delete rc` does. Like the real
// one it keeps a graph instead of rescanning: which dependents name each owner uid, and which owner uids
// exist (per owner resource, built when a dependent first names that kind). A dependent is looked at
// again only when it is written or one of its owners appears or disappears. The graph starts from the
// pods' digests where the state file has them (src/store/pod-digest.ts), so only garbage is read. Its
// deletions are paced by its client's request budget (client-rate-limit.ts), so a big RC's pods go 20 a second.

import type {KubeObject} from '../api/types.js'
import {RESOURCES, type ResourceInfo} from '../api/registry.js'
import {CLIENT_BURST} from '../cluster/client-rate-limit.js'
import type {ObjectStore} from '../store/store.js'
import type {Action, ControllerContext} from './context.js'
import {watch, type WatchEvent} from './watch.js'
import {perStore, WorkQueue} from './work-queue.js'

const DEPENDENT_RESOURCES = ['pods', 'replicasets', 'endpoints', 'events']

/** Kind → resource (the first resource of that kind, as an ownerReference names only the kind). */
const KINDS = new Map<string, ResourceInfo>()
for (const r of RESOURCES) if (!KINDS.has(r.kind)) KINDS.set(r.kind, r)

/** The collector's API client (its deletions share one request budget, client-rate-limit.ts). */
const CLIENT = 'generic-garbage-collector'

/**
 * The garbage collector. Every deletion is a request of its client: while the budget is short the
 * garbage waits queued (unlooked-at, so that a throttled collector costs nothing per pass), and a batch
 * is deleted when the client may make it.
 */
export function collectGarbage(ctx: ControllerContext): Action[] {
  const graph = graphOf(ctx.store)
  let queued = 0
  for (const queue of graph.queues.values()) queued += queue.size
  if (queued === 0 || !ctx.clients.ready(CLIENT, queued)) return []
  const garbage: {object: KubeObject; queue: WorkQueue; key: string}[] = []
  for (const resource of DEPENDENT_RESOURCES) {
    const queue = graph.queues.get(resource) as WorkQueue
    for (const key of queue.pending()) {
      // No client is granted more than a full bucket at once: the rest is looked at in a later batch.
      if (garbage.length === CLIENT_BURST) break
      const obj = ctx.store.findByKey(resource, key)
      const owners = obj?.metadata.ownerReferences
      if (!obj || !owners?.length || obj.metadata.deletionTimestamp) {
        queue.forget(key)
        continue
      }
      if (owners.every((o) => !graph.ownerExists(obj, o.kind, o.uid))) garbage.push({object: obj, queue, key})
      else queue.forget(key)
    }
  }
  // A deleted object is done with (it is terminating, or gone); what is left over stays queued.
  const deleted = garbage.slice(0, ctx.clients.take(CLIENT, garbage.length))
  for (const {queue, key} of deleted) queue.forget(key)
  return deleted.map(({object}) => ({type: 'delete', object}))
}

/** The owner/dependent graph of one store. */
class OwnerGraph {
  /** Per dependent resource: the dependents to look at. */
  readonly queues = new Map(DEPENDENT_RESOURCES.map((r) => [r, new WorkQueue()]))
  /** Owner uid → the dependents ("resource key") that name it. */
  private readonly dependents = new Map<string, Set<string>>()
  /** Per dependent resource: key → the owners it names, as last seen. */
  private readonly named = new Map(DEPENDENT_RESOURCES.map((r) => [r, new Map<string, OwnerRef[]>()]))
  /** Per owner resource: "namespace/uid" ("/uid" when cluster-scoped) → how many objects have it. */
  private readonly existing = new Map<string, Map<string, number>>()

  constructor(private readonly store: ObjectStore) {
    for (const resource of DEPENDENT_RESOURCES) {
      // A resource still undecoded in the state file with no owned object (the events, as a rule) has
      // nothing to track: reading it would only cost time.
      if (!store.isDecoded(resource) && !store.mayHaveOwners(resource)) continue
      const queue = this.queues.get(resource) as WorkQueue
      for (const key of store.keys(resource)) {
        // A pod the state file has a digest of is tracked from it (pod-digest.ts); others are read.
        const digest = resource === 'pods' ? store.podDigest(key) : undefined
        const owners = digest ? digest.owners : store.findByKey(resource, key)?.metadata.ownerReferences ?? []
        if (!owners.length) continue
        this.name(resource, key, owners)
        // Only garbage is queued: a dependent one of whose owners exists is looked at again when that owner goes.
        const namespace = key.slice(0, key.indexOf('/'))
        if (!owners.some((o) => this.ownerExistsIn(namespace, o.kind, o.uid))) queue.add(key)
      }
    }
    watch(store, DEPENDENT_RESOURCES, ({resource, key, next}) => this.track(resource, key, next))
  }

  /** ownerExists for a dependent of `namespace` ('' when cluster-scoped). */
  private ownerExistsIn(namespace: string, kind: string, uid: string): boolean {
    const info = KINDS.get(kind)
    if (!info) return true // an owner kind kbe does not store is never considered gone
    const uids = this.existing.get(info.resource) ?? this.index(info)
    return (uids.get(`${info.namespaced ? namespace : ''}/${uid}`) ?? 0) > 0
  }

  /** Records that dependent `key` of `resource` names `owners`. */
  private name(resource: string, key: string, owners: OwnerRef[]): void {
    const id = `${resource} ${key}`
    ;(this.named.get(resource) as Map<string, OwnerRef[]>).set(key, owners.map((o) => ({kind: o.kind, uid: o.uid})))
    for (const {uid} of owners) {
      const set = this.dependents.get(uid)
      if (set) set.add(id)
      else this.dependents.set(uid, new Set([id]))
    }
  }

  /** Returns whether the owner of kind `kind` and uid `uid` exists (in the dependent's namespace if namespaced). */
  ownerExists(dependent: KubeObject, kind: string, uid: string): boolean {
    return this.ownerExistsIn(dependent.metadata.namespace ?? '', kind, uid)
  }

  /** Records a dependent's ownerReferences and queues it if it has any. */
  private track(resource: string, key: string, obj: KubeObject | undefined): void {
    const owners = obj?.metadata.ownerReferences
    const named = this.named.get(resource) as Map<string, OwnerRef[]>
    const before = named.get(key)
    // Most writes (events, above all) involve no ownerReferences at all: nothing to record. A write
    // that keeps the owners (a status update) cannot make garbage either: whether the owners exist is
    // what the owner watches follow.
    if (!owners?.length && !before) return
    if (owners && before && sameOwners(owners, before)) return
    const id = `${resource} ${key}`
    for (const {uid} of before ?? []) this.dependents.get(uid)?.delete(id)
    named.delete(key)
    const queue = this.queues.get(resource) as WorkQueue
    if (!owners?.length) {
      queue.forget(key)
      return
    }
    this.name(resource, key, owners)
    // A dependent one of whose owners is known to exist (a pod its controller just made) is no garbage;
    // should that owner go, its watch queues the dependent.
    if (owners.some((o) => this.knownToExist(obj as KubeObject, o.kind, o.uid))) queue.forget(key)
    else queue.add(key)
  }

  /** Like ownerExists, but only from an owner index already built (so that the owner's removal is seen). */
  private knownToExist(dependent: KubeObject, kind: string, uid: string): boolean {
    const info = KINDS.get(kind)
    const uids = info && this.existing.get(info.resource)
    return uids !== undefined && (uids.get(`${info?.namespaced ? dependent.metadata.namespace : ''}/${uid}`) ?? 0) > 0
  }

  /** Builds the uid index of an owner resource and keeps it current (queuing the dependents of owners that come or go). */
  private index(info: ResourceInfo): Map<string, number> {
    const uids = new Map<string, number>()
    this.existing.set(info.resource, uids)
    const idOf = (obj: KubeObject) => `${info.namespaced ? obj.metadata.namespace : ''}/${obj.metadata.uid}`
    const count = (obj: KubeObject | undefined, delta: number, requeue = true) => {
      if (!obj) return
      const id = idOf(obj)
      const n = (uids.get(id) ?? 0) + delta
      if (n > 0) uids.set(id, n)
      else uids.delete(id)
      if (!requeue) return
      for (const dependent of this.dependents.get(obj.metadata.uid as string) ?? []) {
        const space = dependent.indexOf(' ')
        this.queues.get(dependent.slice(0, space))?.add(dependent.slice(space + 1))
      }
    }
    for (const obj of this.store.list(info.resource)) count(obj, 1, false)
    watch(this.store, [info.resource], ({prev, next}: WatchEvent) => {
      // An update keeps the uid (the key is the same object); only a create or a removal changes who exists.
      if (prev && next && prev.metadata.uid === next.metadata.uid) return
      count(prev, -1)
      count(next, 1)
    })
    return uids
  }
}

interface OwnerRef {
  kind: string
  uid: string
}

function sameOwners(owners: OwnerRef[], seen: OwnerRef[]): boolean {
  return owners.length === seen.length && owners.every((o, i) => o.kind === seen[i].kind && o.uid === seen[i].uid)
}

const graphs = new WeakMap<object, OwnerGraph>()

function graphOf(store: ObjectStore): OwnerGraph {
  return perStore(graphs, store, () => new OwnerGraph(store))
}
