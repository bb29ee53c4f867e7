// A controller's work queue: the store keys of the objects it has to look at again because something
// they depend on changed (a watch adds them). A controller takes the queued keys in store order — the
// order in which a full list would visit them — and forgets a key once that object needed nothing; a key
// whose object still produced actions stays queued, so a pass that repeats without the actions applied
// would do the same again, exactly as re-reading everything would.

import type {ObjectStore} from '../store/store.js'
import {unwatchAll} from './watch.js'

export class WorkQueue {
  private readonly keys = new Set<string>()

  add(key: string): void {
    this.keys.add(key)
  }

  /** Returns the queued keys in store order (namespace, then name). */
  pending(): string[] {
    if (this.keys.size === 0) return []
    // Default sort compares UTF-16 code units, as the store orders its keys.
    return [...this.keys].sort()
  }

  /** Drops a key whose object is in sync (a later change queues it again). */
  forget(key: string): void {
    this.keys.delete(key)
  }

  get size(): number {
    return this.keys.size
  }
}

/** Every WeakMap perStore has seen: what dropCaches empties. */
const registry = new Set<WeakMap<object, unknown>>()

/** Returns the per-store state of a controller, creating it on first use (per store: caches never leak between clusters). */
export function perStore<S>(states: WeakMap<object, S>, store: object, create: () => S): S {
  let state = states.get(store)
  if (!state) {
    registry.add(states)
    state = create()
    states.set(store, state)
  }
  return state
}

/**
 * Drops every controller cache and watch of a store: the next run of each controller starts with a full
 * resync, as in a fresh process. The reference the incremental path is tested against.
 */
export function dropCaches(store: ObjectStore): void {
  for (const states of registry) states.delete(store)
  unwatchAll(store)
}
