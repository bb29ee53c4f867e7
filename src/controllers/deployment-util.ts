// The deployment controller's vocabulary (deploymentutil): the pod-template-hash (FNV-32a of a canonical
// JSON serialization of the pod template, SafeEncoded to the name alphabet), template equality that
// ignores that label, maxSurge/maxUnavailable resolved against the replica count (surge rounds up,
// unavailable rounds down, never both zero), the revision and replica-count annotations, and the sums
// over a list of ReplicaSets the rollout arithmetic uses. Pure functions over plain objects.

import type {Deployment as DeploymentObject, KubeObject, PodTemplateSpec, ReplicaSet as ReplicaSetObject} from '../api/types.js'
import {NAME_ALPHABET} from '../util/random.js'
import {clone} from './context.js'

export const REVISION = 'deployment.kubernetes.io/revision'
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history'
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas'
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas'
export const HASH_LABEL = 'pod-template-hash'
export const CHANGE_CAUSE = 'kubernetes.io/change-cause'
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

/** Annotations the controller never copies from a Deployment to its ReplicaSets (and undo never restores). */
export const SKIPPED_ANNOTATIONS = new Set([LAST_APPLIED, REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, 'deprecated.deployment.rollback.to'])

export type {DeploymentCondition, DeploymentStatus, LabelSelector as LabelSelectorSpec} from '../api/types.js'
export type {Deployment as DeploymentObject, ReplicaSet as ReplicaSetObject} from '../api/types.js'

/** Returns JSON with object keys sorted at every level: a canonical serialization of a JSON value. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** Returns the 32-bit FNV-1a hash of the UTF-8 bytes of `text`, plus optional extra bytes. */
export function fnv32a(text: string, extra: number[] = []): number {
  let hash = 0x811c9dc5
  for (const byte of [...new TextEncoder().encode(text), ...extra]) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash >>> 0
}

/** Maps each character to NAME_ALPHABET[code % 27], as apimachinery's rand.SafeEncodeString does. */
export function safeEncode(text: string): string {
  return Array.from(text, (c) => NAME_ALPHABET[c.charCodeAt(0) % NAME_ALPHABET.length]).join('')
}

/** Returns the pod-template-hash of a template (ComputeHash): decimal FNV-32a, safe-encoded. */
export function podTemplateHash(template: PodTemplateSpec, collisionCount?: number): string {
  const extra = collisionCount === undefined ? [] : [0, 8, 16, 24].map((s) => (collisionCount >>> s) & 0xff)
  return safeEncode(String(fnv32a(canonicalJson(template), extra)))
}

/** Returns a copy of the template without the pod-template-hash label. */
export function withoutHash(template: PodTemplateSpec | undefined): PodTemplateSpec {
  const copy = clone(template ?? {spec: {containers: []}}) as PodTemplateSpec
  const labels = copy.metadata?.labels
  if (labels && HASH_LABEL in labels) {
    delete labels[HASH_LABEL]
    // An empty label map after removing the hash equals no label map (EqualIgnoreHash).
  }
  return copy
}

/** Returns whether two templates are equal once the pod-template-hash label is ignored. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return canonicalJson(withoutHash(a)) === canonicalJson(withoutHash(b))
}

/** Resolves an int-or-percent against `total` (percentages round up or down). */
export function resolveIntOrPercent(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0
  if (typeof value === 'number') return value
  const m = /^(\d+)%$/.exec(value)
  if (!m) return Number.parseInt(value, 10) || 0
  const exact = (Number(m[1]) * total) / 100
  return roundUp ? Math.ceil(exact) : Math.floor(exact)
}

function rollingParams(d: DeploymentObject): {surge: number; unavailable: number} {
  const replicas = d.spec.replicas ?? 1
  const ru = d.spec.strategy?.rollingUpdate
  const surge = resolveIntOrPercent(ru?.maxSurge ?? '25%', replicas, true)
  let unavailable = resolveIntOrPercent(ru?.maxUnavailable ?? '25%', replicas, false)
  if (surge === 0 && unavailable === 0) unavailable = 1
  return {surge, unavailable}
}

/** Returns whether the Deployment has a progress deadline (HasProgressDeadline: set and not MaxInt32). */
export function hasProgressDeadline(d: DeploymentObject): boolean {
  const s = d.spec.progressDeadlineSeconds
  return s !== undefined && s !== 2147483647
}

/** Returns whether the Deployment rolls (as opposed to Recreate). */
export function isRolling(d: DeploymentObject): boolean {
  return (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate'
}

/** Returns maxSurge as a pod count (0 for Recreate). */
export function maxSurge(d: DeploymentObject): number {
  return isRolling(d) ? rollingParams(d).surge : 0
}

/** Returns maxUnavailable as a pod count, capped at replicas (0 for Recreate). */
export function maxUnavailable(d: DeploymentObject): number {
  if (!isRolling(d)) return 0
  return Math.min(rollingParams(d).unavailable, d.spec.replicas ?? 1)
}

/** Returns the revision annotation of an object as a number (0 when missing or malformed). */
export function revisionOf(obj: KubeObject): number {
  const n = Number.parseInt(obj.metadata.annotations?.[REVISION] ?? '', 10)
  return Number.isNaN(n) ? 0 : n
}

/** Returns the highest revision among the ReplicaSets. */
export function maxRevision(sets: ReplicaSetObject[]): number {
  return sets.reduce((max, rs) => Math.max(max, revisionOf(rs)), 0)
}

/** Sum of spec.replicas. */
export function specReplicas(sets: ReplicaSetObject[]): number {
  return sets.reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0)
}

/** Sum of status.replicas. */
export function actualReplicas(sets: ReplicaSetObject[]): number {
  return sets.reduce((n, rs) => n + (rs.status?.replicas ?? 0), 0)
}

/** Sum of status.readyReplicas. */
export function readyReplicas(sets: ReplicaSetObject[]): number {
  return sets.reduce((n, rs) => n + (rs.status?.readyReplicas ?? 0), 0)
}

/** Sum of status.availableReplicas. */
export function availableReplicas(sets: ReplicaSetObject[]): number {
  return sets.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0)
}

/** Orders ReplicaSets oldest first (creation time, then name), as controller.ReplicaSetsByCreationTimestamp. */
export function byCreation(a: ReplicaSetObject, b: ReplicaSetObject): number {
  const ta = a.metadata.creationTimestamp ?? ''
  const tb = b.metadata.creationTimestamp ?? ''
  if (ta !== tb) return ta < tb ? -1 : 1
  const na = a.metadata.name ?? ''
  const nb = b.metadata.name ?? ''
  return na < nb ? -1 : na > nb ? 1 : 0
}
