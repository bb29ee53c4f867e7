// What every controller sees and returns. A controller is a pure function from the store (read only)
// and the model's clock and random source to a list of actions; the runner applies the actions and
// repeats until a pass produces none. Events are actions too, so a controller never writes.

import type {KubeObject} from '../api/types.js'
import type {ObjectStore} from '../store/store.js'
import type {Random} from '../util/random.js'
import type {PodRuntime} from '../cluster/state.js'

export interface EventSpec {
  involved: KubeObject
  type: 'Normal' | 'Warning'
  reason: string
  message: string
  component: string
  host?: string
  fieldPath?: string
}

export type Action =
  /** createdEvent, if given, is recorded once the object has its (generated) name. */
  | {type: 'create'; object: KubeObject; createdEvent?: (name: string) => EventSpec}
  | {type: 'update'; object: KubeObject}
  /** Graceful deletion: pods get a deletionTimestamp, everything else goes at once. */
  | {type: 'delete'; object: KubeObject}
  | {type: 'event'; event: EventSpec}
  /** Kubelet bookkeeping for a pod: its planned steps. */
  | {type: 'runtime'; uid: string; runtime: PodRuntime}

/** The API request budgets of the controllers' clients (src/cluster/client-rate-limit.ts). */
export interface ClientBudgets {
  /** Takes up to `wanted` requests for `client` now; returns how many it may make (a wake-up is planned for the rest). */
  take(client: string, wanted: number): number
  /** Returns whether `client` may make any of `wanted` requests now (a wake-up is planned when not). */
  ready(client: string, wanted: number): boolean
}

export interface ControllerContext {
  store: ObjectStore
  now: Date
  random: Random
  nodeName: string
  clients: ClientBudgets
}

export type Controller = (ctx: ControllerContext) => Action[]

/**
 * Returns a deep copy of a JSON-shaped value (controllers never edit what the store holds): plain
 * objects (key order kept, undefined-valued keys too) and arrays are copied, anything else is shared —
 * what structuredClone gives for such data, several times faster.
 */
export function clone<T>(value: T): T {
  if (Array.isArray(value)) {
    const out = new Array(value.length)
    for (let i = 0; i < value.length; i++) out[i] = clone(value[i])
    return out as T
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value)) out[key] = clone((value as Record<string, unknown>)[key])
    return out as T
  }
  return value
}

/**
 * Returns a deep copy of an object with some top-level fields replaced by the given values, which are
 * taken as they are (not copied); a field the object lacks is added at the end.
 */
export function cloneWith<T extends object>(obj: T, fields: Record<string, unknown>): T {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(obj)) out[key] = Object.hasOwn(fields, key) ? fields[key] : clone((obj as Record<string, unknown>)[key])
  for (const key of Object.keys(fields)) if (!Object.hasOwn(out, key)) out[key] = fields[key]
  return out as T
}

/**
 * Returns whether two JSON-shaped values are the same JSON value (objects: the same members, in any
 * order — an object read back from the state file lists its keys sorted, one built in code does not),
 * without looking into the parts they share by reference: comparing a new list with the stored one it
 * was built from costs O(length), not O(size of every element).
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i] ?? null, b[i] ?? null)) return false
    return true
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(b) && !('toJSON' in a) && !('toJSON' in b)) {
    const left = a as Record<string, unknown>
    const right = b as Record<string, unknown>
    let members = 0
    for (const key in left) {
      if (!Object.hasOwn(left, key) || left[key] === undefined) continue
      if (!Object.hasOwn(right, key) || right[key] === undefined || !jsonEqual(left[key], right[key])) return false
      members++
    }
    for (const key in right) if (Object.hasOwn(right, key) && right[key] !== undefined) members--
    return members === 0
  }
  return JSON.stringify(a) === JSON.stringify(b)
}
