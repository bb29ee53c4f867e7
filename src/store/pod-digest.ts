// What the controllers need to know of a stored pod without reading it: its labels, its owners, whether
// it is active and ready, whether it waits for the scheduler, and its IP. The state file keeps a digest of
// every pod beside the pods (src/io), so that on a big cluster the replication manager's pod index, the
// garbage collector's owner graph, the scheduler's queue and the endpoints controller's label index start
// from the digests and read only the pods they act on. A digest is derived data: written from the pods at
// every save, ignored when it does not fit them. Also the two pod predicates the digest and the controllers share.

import type {Pod} from '../api/types.js'

/** A pod's digest as stored: [labels or 0, owners ([kind, uid, 1 if controller]) or 0, flags, podIP or ""]. */
export type StoredPodDigest = [Record<string, string> | 0, [string, string, 0 | 1][] | 0, number, string]

const ACTIVE = 1
const READY = 2
const UNBOUND = 4

/** A pod's digest, read. */
export interface PodDigest {
  labels: Record<string, string>
  owners: {kind: string; uid: string; controller: boolean}[]
  /** isPodActive. */
  active: boolean
  /** isPodReady. */
  ready: boolean
  /** Not bound to a node and not being deleted: the scheduler's to place. */
  unbound: boolean
  podIP: string
}

/** Returns whether a pod counts as active (kubelet hasn't finished it and nobody is deleting it). */
export function isPodActive(pod: Pod): boolean {
  return !pod.metadata.deletionTimestamp && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed'
}

/** Returns whether a pod is Ready (its Ready condition is True). */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
}

/** Returns whether a pod waits for the scheduler (no node yet, not being deleted). */
export function isPodUnbound(pod: Pod): boolean {
  return !pod.spec?.nodeName && !pod.metadata.deletionTimestamp
}

/** Returns the stored digest of a pod. */
export function digestPod(pod: Pod): StoredPodDigest {
  const labels = pod.metadata.labels
  const owners = pod.metadata.ownerReferences
  const flags = (isPodActive(pod) ? ACTIVE : 0) | (isPodReady(pod) ? READY : 0) | (isPodUnbound(pod) ? UNBOUND : 0)
  return [
    labels && Object.keys(labels).length ? labels : 0,
    owners?.length ? owners.map((o) => [o.kind, o.uid, o.controller ? 1 : 0]) : 0,
    flags,
    pod.status?.podIP ?? '',
  ]
}

/** Reads a stored digest; undefined when it does not have the stored shape. */
export function readPodDigest(stored: unknown): PodDigest | undefined {
  if (!Array.isArray(stored) || stored.length !== 4) return undefined
  const [labels, owners, flags, podIP] = stored as unknown[]
  if (labels !== 0 && !isStringMap(labels)) return undefined
  if (owners !== 0 && !(Array.isArray(owners) && owners.every(isOwner))) return undefined
  if (typeof flags !== 'number' || typeof podIP !== 'string') return undefined
  return {
    labels: labels === 0 ? {} : labels,
    owners: owners === 0 ? [] : (owners as [string, string, number][]).map(([kind, uid, controller]) => ({kind, uid, controller: controller === 1})),
    active: (flags & ACTIVE) !== 0,
    ready: (flags & READY) !== 0,
    unbound: (flags & UNBOUND) !== 0,
    podIP,
  }
}

function isStringMap(value: unknown): value is Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  for (const key in value) if (typeof (value as Record<string, unknown>)[key] !== 'string') return false
  return true
}

function isOwner(value: unknown): boolean {
  return Array.isArray(value) && value.length === 3 && typeof value[0] === 'string' && typeof value[1] === 'string' && (value[2] === 0 || value[2] === 1)
}
