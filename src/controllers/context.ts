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

export interface ControllerContext {
  store: ObjectStore
  now: Date
  random: Random
  nodeName: string
}

export type Controller = (ctx: ControllerContext) => Action[]

/** Returns a deep copy of a JSON-shaped object (controllers never edit what the store holds). */
export function clone<T>(value: T): T {
  return structuredClone(value)
}

/** Returns whether two JSON-shaped values are equal. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
