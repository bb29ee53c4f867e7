// The object store: the cluster's objects by resource, namespace and name, with the apiserver's
// bookkeeping (uid, resourceVersion, creationTimestamp, generateName) and its typed errors
// (NotFound, AlreadyExists). Lists come back in key order — namespace, then name — as an apiserver's
// do. The store is plain data so that it serializes straight into the state file; it never decides
// policy (validation, defaulting, controllers live elsewhere).

import {alreadyExists, notFound, StatusError} from '../api/errors.js'
import type {KubeObject} from '../api/types.js'
import {qualifiedResource, resourceForKind, type ResourceInfo} from '../api/registry.js'
import {rfc3339} from '../util/clock.js'
import {readPodDigest, type PodDigest} from './pod-digest.js'
import type {Random} from '../util/random.js'
import {appendUndecoded, isDecoded, mayHaveOwners, storedDigest, storedGoJsonOf, undecodedEventsInvolving} from '../cluster/state.js'

/** The serialized form: resource → "namespace/name" → object. */
export type StoreData = Record<string, Record<string, KubeObject>>

interface SortedBucket {
  keys: string[]
  /** The objects in key order, once a list asked for them (reading every object of a lazy record). */
  objects?: KubeObject[]
  position: Map<string, number>
}

export interface StoreContext {
  now: () => Date
  random: Random
}

/** Returns the store key of a namespaced or cluster-scoped object. */
export function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`
}

export class ObjectStore {
  /** Sorted keys and objects per resource, dropped whenever an object of it is created or removed. */
  private readonly cache = new Map<string, SortedBucket>()
  /** The stored pod digests read so far (null: not a digest), see podDigest. */
  private readonly podDigests = new Map<string, PodDigest | null>()

  constructor(private readonly data: StoreData, private resourceVersion: { value: number }, private readonly ctx: StoreContext) {}

  /** Returns the object, or undefined. */
  find<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string): T | undefined {
    return this.data[resource]?.[objectKey(namespace, name)] as T | undefined
  }

  /** Returns the object stored under `key` ("namespace/name", "/name" when cluster-scoped), or undefined. */
  findByKey<T extends KubeObject = KubeObject>(resource: string, key: string): T | undefined {
    return this.data[resource]?.[key] as T | undefined
  }

  /** Returns the object or throws NotFound the way the apiserver words it. */
  get<T extends KubeObject = KubeObject>(info: ResourceInfo, namespace: string | undefined, name: string): T {
    const found = this.find<T>(info.resource, info.namespaced ? namespace : undefined, name)
    if (!found) throw notFound(qualifiedResource(info), name)
    return found
  }

  /** Returns the objects of a resource (optionally of one namespace) sorted by namespace, then name. */
  list<T extends KubeObject = KubeObject>(resource: string, namespace?: string): T[] {
    const bucket = this.data[resource]
    if (!bucket) return []
    const sorted = this.sorted(resource, bucket)
    const {keys} = sorted
    if (namespace === undefined) return (sorted.objects ??= keys.map((k) => bucket[k])).slice() as T[]
    // A namespace's keys ("<ns>/<name>") are one contiguous run of the sorted keys.
    const prefix = `${namespace}/`
    const out: T[] = []
    for (let i = lowerBound(keys, prefix); i < keys.length && keys[i].startsWith(prefix); i++) {
      const obj = sorted.objects?.[i] ?? bucket[keys[i]]
      if (obj.metadata.namespace === namespace) out.push(obj as T)
    }
    return out
  }

  /**
   * Returns the store keys of a resource's objects (of one namespace if given) in list order, without
   * reading the objects: with podDigest, what lets a controller start on a big cluster from what the
   * state file says of each object.
   */
  keys(resource: string, namespace?: string): string[] {
    const bucket = this.data[resource]
    if (!bucket) return []
    const {keys} = this.sorted(resource, bucket)
    if (namespace === undefined) return keys.slice()
    const prefix = `${namespace}/`
    const out: string[] = []
    for (let i = lowerBound(keys, prefix); i < keys.length && keys[i].startsWith(prefix); i++) out.push(keys[i])
    return out
  }

  /**
   * Returns the digest the state file holds of a pod nobody has read since it was loaded (pod-digest.ts),
   * or undefined: then the pod itself is to be read. Each digest is read once, however many ask.
   */
  podDigest(key: string): PodDigest | undefined {
    const stored = storedDigest(this.data, 'pods', key)
    if (stored === undefined) return undefined
    let digest = this.podDigests.get(key)
    if (digest === undefined) {
      digest = readPodDigest(stored) ?? null
      this.podDigests.set(key, digest)
    }
    return digest ?? undefined
  }

  /**
   * Returns the bucket's keys (and, once listed, objects) in key order. The order is kept until a create
   * or remove changes the key set; an update only swaps the object in place.
   */
  private sorted(resource: string, bucket: Record<string, KubeObject>): SortedBucket {
    let cached = this.cache.get(resource)
    if (!cached) {
      const keys = Object.keys(bucket).sort(compareKeys)
      cached = {keys, position: new Map(keys.map((k, i) => [k, i]))}
      this.cache.set(resource, cached)
    }
    return cached
  }

  /** Stores a new object, filling name (generateName), uid, resourceVersion and creationTimestamp. */
  create<T extends KubeObject>(obj: T): T {
    const info = this.infoOf(obj)
    const meta = obj.metadata
    if (!meta.name && meta.generateName) meta.name = this.generateName(info, meta.namespace, meta.generateName)
    const name = meta.name as string
    if (this.find(info.resource, meta.namespace, name)) throw alreadyExists(qualifiedResource(info), name)
    this.stampNew(obj)
    ;(this.data[info.resource] ??= {})[objectKey(meta.namespace, name)] = obj
    this.cache.delete(info.resource)
    return obj
  }

  /** Returns whether the objects of `resource` have been read from the state file yet. */
  isDecoded(resource: string): boolean {
    return isDecoded(this.data, resource)
  }

  /**
   * Returns the events of `namespace` whose involvedObject.uid is one of `uids`, in key order, reading
   * only those from the state file when the events are not decoded yet.
   */
  eventsInvolving<T extends KubeObject>(namespace: string, uids: (string | undefined)[]): T[] {
    const wanted = uids.filter((u): u is string => u !== undefined)
    const found = undecodedEventsInvolving(this.data, wanted)
    const involves = (e: KubeObject) => wanted.includes((e as {involvedObject?: {uid?: string}}).involvedObject?.uid ?? '')
    if (!found) return this.list<T>('events', namespace).filter(involves)
    const key = (e: KubeObject) => objectKey(e.metadata.namespace, e.metadata.name as string)
    return found.filter((e) => e.metadata.namespace === namespace && involves(e)).sort((a, b) => compareKeys(key(a), key(b))) as T[]
  }

  /**
   * Returns what list(resource, namespace) would, with each object nobody has read given as its stored
   * compact Go JSON (the text kubectl prints it as) instead: a big list then costs no parsing. Undefined
   * when the state file can't give the stored text (not stored as Go JSON, no key index, damaged).
   */
  listGoJson(resource: string, namespace?: string): (KubeObject | Uint8Array)[] | undefined {
    const text = storedGoJsonOf(this.data, resource)
    if (!text) return undefined
    const bucket = this.data[resource]
    return this.keys(resource, namespace).map((key) => text(key) ?? bucket[key])
  }

  /** Returns whether some object of `resource` may have ownerReferences, without decoding it. */
  mayHaveOwners(resource: string): boolean {
    return mayHaveOwners(this.data, resource)
  }

  /**
   * Stores a new object whose name is unique by construction (a recorded event) like create does, but
   * without reading the other objects of its resource when they are still undecoded in the state file.
   */
  append<T extends KubeObject>(obj: T): T {
    const info = this.infoOf(obj)
    // An owned object goes the usual way (decoding the others), so owner tracking sees it as a create.
    if (this.isDecoded(info.resource) || obj.metadata.ownerReferences?.length) return this.create(obj)
    const meta = this.stampNew(obj).metadata
    if (!appendUndecoded(this.data, info.resource, objectKey(meta.namespace, meta.name as string), obj)) throw new Error(`kbe: cannot append to ${info.resource}`)
    this.cache.delete(info.resource)
    return obj
  }

  /**
   * Replaces an object `append` added to a still undecoded resource (same key), bumping its resourceVersion,
   * without decoding the resource; false (nothing done) once the resource has been decoded.
   */
  updateAppended<T extends KubeObject>(obj: T): boolean {
    const info = this.infoOf(obj)
    if (this.isDecoded(info.resource)) return false
    obj.metadata.resourceVersion = this.nextResourceVersion()
    if (!appendUndecoded(this.data, info.resource, objectKey(obj.metadata.namespace, obj.metadata.name as string), obj)) throw new Error(`kbe: cannot append to ${info.resource}`)
    this.cache.delete(info.resource)
    return true
  }

  /** Replaces a stored object (same key) and bumps its resourceVersion. */
  update<T extends KubeObject>(obj: T): T {
    const info = this.infoOf(obj)
    const key = objectKey(obj.metadata.namespace, obj.metadata.name as string)
    const bucket = this.data[info.resource]
    if (!bucket?.[key]) throw notFound(qualifiedResource(info), obj.metadata.name as string)
    obj.metadata.resourceVersion = this.nextResourceVersion()
    bucket[key] = obj
    const cached = this.cache.get(info.resource)
    if (cached?.objects) cached.objects[cached.position.get(key) as number] = obj
    return obj
  }

  /** Removes an object for good (after any graceful deletion is over). */
  remove(obj: KubeObject): void {
    const info = this.infoOf(obj)
    const bucket = this.data[info.resource]
    const key = objectKey(obj.metadata.namespace, obj.metadata.name as string)
    if (!bucket?.[key]) return
    delete bucket[key]
    this.cache.delete(info.resource)
    // A deletion is a change too (etcd's revision moves), which is how callers notice it.
    this.nextResourceVersion()
  }

  /** Fills metadata.name from metadata.generateName when the name is empty. */
  assignGeneratedName(obj: KubeObject): void {
    const meta = obj.metadata
    if (meta && !meta.name && meta.generateName) meta.name = this.generateName(this.infoOf(obj), meta.namespace, meta.generateName)
  }

  private infoOf(obj: KubeObject): ResourceInfo {
    const info = resourceForKind(obj.apiVersion, obj.kind)
    if (!info) throw new StatusError('BadRequest', `no kind "${obj.kind}" is registered for version "${obj.apiVersion}"`)
    return info
  }

  /** Fills what the apiserver sets on every new object: uid, creationTimestamp, resourceVersion. */
  private stampNew<T extends KubeObject>(obj: T): T {
    obj.metadata.uid = this.ctx.random.uuid()
    obj.metadata.creationTimestamp = rfc3339(this.ctx.now())
    obj.metadata.resourceVersion = this.nextResourceVersion()
    return obj
  }

  private nextResourceVersion(): string {
    this.resourceVersion.value += 1
    return String(this.resourceVersion.value)
  }

  /** Returns a free name for generateName `base` (the apiserver does this before validation). */
  generateName(info: ResourceInfo, namespace: string | undefined, base: string): string {
    // apiserver SimpleNameGenerator: base truncated to 58 characters + 5 random ones; retried on a clash
    // (a real apiserver returns AlreadyExists and the controller retries; the outcome is the same).
    const prefix = base.length > 58 ? base.slice(0, 58) : base
    for (;;) {
      const name = prefix + this.ctx.random.suffix(5)
      if (!this.find(info.resource, namespace, name)) return name
    }
  }
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Returns the index of the first key not less than `value` (binary search). */
function lowerBound(keys: string[], value: string): number {
  let lo = 0
  let hi = keys.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (keys[mid] < value) lo = mid + 1
    else hi = mid
  }
  return lo
}
