// Watches on the object store, the controllers' informers: every create, update and removal is reported,
// right after the store applied it, to the handlers registered for that resource, with the object as it
// was (prev) and as it is now (next). Controllers keep their caches and work queues current from these
// reports instead of re-reading every object on every pass. The store itself stays unaware of them: the
// first watch on a store wraps that instance's three write methods (create, update, remove), so every
// writer — commands, controllers, the kubelet, the event recorder — is seen. `prev` may be the very
// object `next` is when a caller edited the stored object in place before updating it. A store can also
// keep a journal of its writes from the moment it is loaded, for a watcher that starts late.

import type {KubeObject} from '../api/types.js'
import {resourceForKind} from '../api/registry.js'
import {objectKey, type ObjectStore} from '../store/store.js'

export interface WatchEvent {
  resource: string
  /** The store key, "namespace/name" ("/name" for cluster-scoped objects). */
  key: string
  /** The object before the write (absent for a create). */
  prev?: KubeObject
  /** The object after the write (absent for a removal). */
  next?: KubeObject
}

export type WatchHandler = (event: WatchEvent) => void

const watchers = new WeakMap<ObjectStore, Map<string, WatchHandler[]>>()

/** Per store: the resources journaled, and the writes to them since keepJournal. */
const journals = new WeakMap<ObjectStore, {resources: Set<string>; events: WatchEvent[]}>()

/** Returns the store's handlers by resource, instrumenting the store on first use. */
function handlersOf(store: ObjectStore): Map<string, WatchHandler[]> {
  let byResource = watchers.get(store)
  if (!byResource) {
    byResource = new Map()
    watchers.set(store, byResource)
    instrument(store, byResource)
  }
  return byResource
}

/** Calls `handler` after every write to an object of one of `resources` in `store`. */
export function watch(store: ObjectStore, resources: readonly string[], handler: WatchHandler): void {
  const byResource = handlersOf(store)
  for (const resource of resources) {
    const list = byResource.get(resource)
    if (list) list.push(handler)
    else byResource.set(resource, [handler])
  }
}

function instrument(store: ObjectStore, byResource: Map<string, WatchHandler[]>): void {
  const create = store.create.bind(store)
  const update = store.update.bind(store)
  const remove = store.remove.bind(store)
  const where = (obj: KubeObject) => ({resource: resourceForKind(obj.apiVersion, obj.kind)?.resource ?? '', key: objectKey(obj.metadata.namespace, obj.metadata.name as string)})
  const notify = (event: WatchEvent) => {
    const journal = journals.get(store)
    if (journal?.resources.has(event.resource)) journal.events.push(event)
    const handlers = byResource.get(event.resource)
    if (handlers) for (const handler of handlers) handler(event)
  }
  const writes = store as unknown as Record<'create' | 'update' | 'remove', (obj: KubeObject) => unknown>
  writes.create = (obj: KubeObject) => {
    const created = create(obj)
    notify({...where(created), next: created})
    return created
  }
  writes.update = (obj: KubeObject) => {
    const at = where(obj)
    const prev = store.find(at.resource, obj.metadata.namespace, obj.metadata.name as string)
    const updated = update(obj)
    notify({...at, prev, next: updated})
    return updated
  }
  writes.remove = (obj: KubeObject) => {
    const at = where(obj)
    const prev = store.find(at.resource, obj.metadata.namespace, obj.metadata.name as string)
    remove(obj)
    if (prev) notify({...at, prev})
  }
}

/**
 * Starts keeping every write to `resources` in `store`, for a watcher that starts later but must see all
 * that changed since now (takeJournal).
 */
export function keepJournal(store: ObjectStore, resources: readonly string[]): void {
  handlersOf(store)
  journals.set(store, {resources: new Set(resources), events: []})
}

/** Returns the writes journaled since keepJournal, in order, and stops journaling; undefined if none was kept. */
export function takeJournal(store: ObjectStore): WatchEvent[] | undefined {
  const journal = journals.get(store)
  journals.delete(store)
  return journal?.events
}

/** Removes every handler watching `store` and drops its journal (the store keeps reporting to whoever watches it next). */
export function unwatchAll(store: ObjectStore): void {
  watchers.get(store)?.clear()
  journals.delete(store)
}
