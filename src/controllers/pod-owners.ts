// The pods of each namespace indexed by their controller (the ownerReference with controller: true), as
// the ReplicationController and ReplicaSet controllers' informer keeps them: per controller uid the pods
// it owns with running counts of the active and the ready ones (and of the active ones carrying the
// template's labels, for fullyLabeledReplicas), plus the orphans any controller may adopt. Kept current
// by a watch on pods, so a controller's status costs O(1) after one pod changed, not O(its pods). Which
// group a pod was counted in is remembered per pod, so an object edited in place is still moved right.
// The index starts from the pods' digests where the state file has them (src/store/pod-digest.ts): an
// owned pod is read only when its controller needs the pods themselves (a scale-down, an adoption).

import type {Pod} from '../api/types.js'
import {isPodActive, isPodReady} from '../store/pod-digest.js'
import type {ObjectStore} from '../store/store.js'
import {watch} from './watch.js'
import {perStore} from './work-queue.js'

export {isPodActive, isPodReady} from '../store/pod-digest.js'

/** What one pod contributes to its controller's counts, as last seen (the pod itself read when needed). */
interface Contribution {
  pod?: Pod
  labels: Record<string, string> | undefined
  active: boolean
  ready: boolean
  labeled: boolean
}

/** The pods one controller owns in one namespace. */
export class OwnedPods {
  readonly pods = new Map<string, Contribution>()
  active = 0
  ready = 0
  labeled = 0
  /** The template labels `labeled` counts against (JSON), once a controller asked. */
  private labelsKey?: string
  private labels: Record<string, string> = {}

  /** `read` returns a pod counted from its digest when the pod itself is needed. */
  constructor(private readonly read: (key: string) => Pod) {}

  add(key: string, pod: Pod): void {
    const active = isPodActive(pod)
    this.addCounted(key, {pod, labels: pod.metadata.labels, active, ready: active && isPodReady(pod), labeled: false})
  }

  /** Adds a pod known by its digest's facts (its labels, whether it is active and ready). */
  addCounted(key: string, c: Contribution): void {
    c.labeled = c.active && this.labelsKey !== undefined && matchesSelector(this.labels, c.labels)
    this.pods.set(key, c)
    this.count(c, 1)
  }

  delete(key: string): void {
    const c = this.pods.get(key)
    if (!c) return
    this.pods.delete(key)
    this.count(c, -1)
  }

  /** Returns the number of active pods carrying every label of `labels` (recounted when they change). */
  labeledBy(labels: Record<string, string>): number {
    const key = JSON.stringify(labels)
    if (key !== this.labelsKey) {
      this.labelsKey = key
      this.labels = labels
      this.labeled = 0
      for (const c of this.pods.values()) {
        c.labeled = c.active && matchesSelector(labels, c.labels)
        if (c.labeled) this.labeled++
      }
    }
    return this.labeled
  }

  /** Returns the owned pods in store order. */
  inStoreOrder(): Pod[] {
    return [...this.pods.keys()].sort().map((k) => {
      const c = this.pods.get(k) as Contribution
      return (c.pod ??= this.read(k))
    })
  }

  private count(c: Contribution, sign: number): void {
    if (c.active) this.active += sign
    if (c.ready) this.ready += sign
    if (c.labeled) this.labeled += sign
  }
}

interface NamespacePods {
  owners: Map<string, OwnedPods>
  orphans: Map<string, Pod>
}

type Listener = (namespace: string, uid: string | undefined) => void

/** The index for one store. */
export class PodOwnerIndex {
  private readonly namespaces = new Map<string, NamespacePods>()
  /** Pod key → where it is counted: its namespace and controller uid (undefined for an orphan). */
  private readonly placed = new Map<string, {namespace: string; uid: string | undefined}>()
  private readonly listeners: Listener[] = []

  constructor(private readonly store: ObjectStore) {
    for (const key of store.keys('pods')) {
      const digest = store.podDigest(key)
      const uid = digest?.owners.find((o) => o.controller)?.uid
      // An orphan is read: any controller of its namespace may look at it (they are few).
      if (digest && uid !== undefined) this.placeCounted(key, key.slice(0, key.indexOf('/')), uid, {labels: digest.labels, active: digest.active, ready: digest.active && digest.ready, labeled: false})
      else this.place(key, store.findByKey<Pod>('pods', key) as Pod)
    }
    watch(store, ['pods'], ({key, next}) => {
      const was = this.placed.get(key)
      if (was) this.unplace(key, was)
      if (next) this.place(key, next as Pod)
      if (was) this.changed(was.namespace, was.uid)
      const now = this.placed.get(key)
      if (now && (now.namespace !== was?.namespace || now.uid !== was?.uid)) this.changed(now.namespace, now.uid)
    })
  }

  /** Calls `listener(namespace, uid)` for every change to the pods of controller `uid` (undefined: an orphan). */
  onChange(listener: Listener): void {
    this.listeners.push(listener)
  }

  /** Returns the pods controller `uid` owns in `namespace`. */
  owned(namespace: string | undefined, uid: string | undefined): OwnedPods {
    const ns = this.group(namespace ?? '')
    let owned = ns.owners.get(uid ?? '')
    if (!owned) {
      owned = new OwnedPods((key) => this.store.findByKey<Pod>('pods', key) as Pod)
      ns.owners.set(uid ?? '', owned)
    }
    return owned
  }

  /** Returns the pods of `namespace` without a controller, keyed by store key. */
  orphans(namespace: string | undefined): Map<string, Pod> {
    return this.group(namespace ?? '').orphans
  }

  private group(namespace: string): NamespacePods {
    let ns = this.namespaces.get(namespace)
    if (!ns) {
      ns = {owners: new Map(), orphans: new Map()}
      this.namespaces.set(namespace, ns)
    }
    return ns
  }

  private place(key: string, pod: Pod): void {
    const namespace = pod.metadata.namespace ?? ''
    const uid = pod.metadata.ownerReferences?.find((o) => o.controller)?.uid
    this.placed.set(key, {namespace, uid})
    if (uid === undefined) this.group(namespace).orphans.set(key, pod)
    else this.owned(namespace, uid).add(key, pod)
  }

  /** Counts a controller's pod from its digest (the pod is read if the controller needs it). */
  private placeCounted(key: string, namespace: string, uid: string, c: Contribution): void {
    this.placed.set(key, {namespace, uid})
    this.owned(namespace, uid).addCounted(key, c)
  }

  private unplace(key: string, at: {namespace: string; uid: string | undefined}): void {
    this.placed.delete(key)
    const ns = this.group(at.namespace)
    if (at.uid === undefined) ns.orphans.delete(key)
    else ns.owners.get(at.uid)?.delete(key)
  }

  private changed(namespace: string, uid: string | undefined): void {
    for (const listener of this.listeners) listener(namespace, uid)
  }
}

const indexes = new WeakMap<object, PodOwnerIndex>()

/** Returns the store's pod index, built (one list of the pods) on first use. */
export function podOwnerIndex(store: ObjectStore): PodOwnerIndex {
  return perStore(indexes, store, () => new PodOwnerIndex(store))
}

/** Returns whether a non-empty equality selector matches the labels. */
export function matchesSelector(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  const entries = Object.entries(selector)
  return entries.length > 0 && entries.every(([k, v]) => labels?.[k] === v)
}
