// The persisted shape of a simulated cluster: every object, plus the bookkeeping the real components
// keep outside the API (the kubelet's timeline for each pod, the node's image cache, the random
// generator's state, the last instant the model was moved to). src/io owns reading and writing it (one
// section per resource, decoded on first use); this module only names its parts.

import type {RandomState} from '../util/random.js'
import type {StoreData} from '../store/store.js'
import type {KubeObject} from '../api/types.js'
import type {ClientBucket} from './client-rate-limit.js'
import type {CorrelatorState} from './event-correlator.js'

export const STATE_KIND = 'KbeClusterState'
export const STATE_VERSION = 2

/** A planned kubelet step for one pod: what happens, and when (ms since the epoch). */
export interface PodStep {
  at: number
  step: 'schedule' | 'sandbox' | 'pulling' | 'pulled' | 'start' | 'kill' | 'remove'
  container?: number
  /** For a 'pulled' step that really pulled: when the pull began. */
  since?: number
}

/** What the kubelet knows about one pod beyond its API object. */
export interface PodRuntime {
  namespace: string
  name: string
  ip?: string
  steps: PodStep[]
}

export interface ClusterState {
  kind: typeof STATE_KIND
  version: typeof STATE_VERSION
  seed: number
  random: RandomState
  /** The instant (ms since the epoch) the model has been moved to. */
  time: number
  resourceVersion: number
  eventSequence: number
  objects: StoreData
  /** Pod uid → kubelet bookkeeping. */
  runtime: Record<string, PodRuntime>
  /** Image name → the instant its pull completes (or completed) on the node. */
  images: Record<string, number>
  /**
   * Hashes of the aggregation keys of the stored events (sorted; absent until first computed): a new
   * event whose key is not among them starts a series of its own, so it can be recorded without reading
   * every stored event to look for one to aggregate into.
   */
  eventKeys?: number[]
  /** The controllers' API clients' token buckets (absent: full), by client name. */
  clients?: Record<string, ClientBucket>
  /** The event recorders' caches (aggregation of similar events, spam filter), by component. */
  eventCorrelator?: CorrelatorState
  /** The earliest lastTimestamp (ms) among the stored events, null when there are none: when to expire. */
  eventsExpireFrom?: number | null
}

/** Returns whether a loaded state has decoded `resource` (a section is decoded on first use, see src/io). */
export function isDecoded(objects: StoreData, resource: string): boolean {
  return Object.getOwnPropertyDescriptor(objects, resource)?.get === undefined
}

/** What a loaded state offers for the resources it has not decoded yet (installed by src/io). */
export interface UndecodedSections {
  /** Adds `obj` under `key` to an undecoded resource; false if the resource is not undecoded. */
  append(resource: string, key: string, obj: KubeObject): boolean
  /**
   * Returns false when no object of the resource has ownerReferences, true if one may have: for an
   * undecoded resource, or a decoded one some of whose objects are still unread; undefined otherwise.
   */
  mayHaveOwners(resource: string): boolean | undefined
  /** Returns the undecoded events involving one of `uids` (any namespace, any order); undefined if unknown. */
  eventsInvolving(uids: string[]): KubeObject[] | undefined
  /**
   * Returns a lookup of the stored compact Go JSON of the resource's still unread objects by key (reading
   * the section if needed); undefined when its section can't give it (not stored as Go JSON, no index).
   */
  storedGoJson(resource: string): ((key: string) => Uint8Array | undefined) | undefined
  /** Returns the digest the file has of an object nobody has read yet (src/store/pod-digest.ts), if any. */
  storedDigest(resource: string, key: string): unknown
}

/** Where a loaded state's `objects` keep its UndecodedSections. */
export const UNDECODED = Symbol.for('kbe.undecodedSections')

function undecoded(objects: StoreData): UndecodedSections | undefined {
  return (objects as unknown as Record<symbol, UndecodedSections | undefined>)[UNDECODED]
}

/** Adds `obj` under `key` to an undecoded resource without decoding it; false if the resource is decoded. */
export function appendUndecoded(objects: StoreData, resource: string, key: string, obj: KubeObject): boolean {
  return !isDecoded(objects, resource) && (undecoded(objects)?.append(resource, key, obj) ?? false)
}

/** Returns whether some object of `resource` may have ownerReferences (decoded ones are looked at). */
export function mayHaveOwners(objects: StoreData, resource: string): boolean {
  const known = undecoded(objects)?.mayHaveOwners(resource)
  if (known !== undefined) return known
  if (isDecoded(objects, resource)) return Object.values(objects[resource] ?? {}).some((o) => o.metadata?.ownerReferences?.length)
  return true
}

/** Returns a lookup of the stored Go JSON of the unread objects of `resource`, or undefined if it can't. */
export function storedGoJsonOf(objects: StoreData, resource: string): ((key: string) => Uint8Array | undefined) | undefined {
  return undecoded(objects)?.storedGoJson(resource)
}

/** Returns the stored digest of an object still unread, or undefined. */
export function storedDigest(objects: StoreData, resource: string, key: string): unknown {
  return undecoded(objects)?.storedDigest(resource, key)
}

/** Returns the events involving one of `uids` without decoding the others, or undefined if it can't. */
export function undecodedEventsInvolving(objects: StoreData, uids: string[]): KubeObject[] | undefined {
  return isDecoded(objects, 'events') ? undefined : undecoded(objects)?.eventsInvolving(uids)
}
