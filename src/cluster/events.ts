// Recording events as the API shows them (core/v1 Event): named `<object>.<hex of the time in ns>`,
// kept in the involved object's namespace, and aggregated like the client-go recorder does when the same
// event repeats (count and lastTimestamp grow). Events expire after an hour, as with the apiserver's
// default --event-ttl.

import type {Event, KubeObject} from '../api/types.js'
import type {EventSpec} from '../controllers/context.js'
import type {ObjectStore} from '../store/store.js'
import {rfc3339} from '../util/clock.js'
import {COMBINED_PREFIX, fnv1a, type EventCorrelator} from './event-correlator.js'

export const EVENT_TTL_MS = 60 * 60 * 1000

/**
 * Records (or aggregates) one event at `now`; `sequence` makes names unique within one instant. With
 * `known` (the keys of every stored event), an event no stored one can aggregate with is added without
 * reading the stored events at all. With `correlator`, the event first goes through the recorder's
 * aggregation of similar events and its spam filter (event-correlator.ts), as client-go's recorder does.
 */
export function recordEvent(store: ObjectStore, spec: EventSpec, now: Date, sequence: number, known?: EventKeys, correlator?: EventCorrelator): void {
  const involved = spec.involved
  const namespace = involved.metadata.namespace ?? 'default'
  const stamp = rfc3339(now)
  const at = now.getTime()
  const recorder = `${spec.component}/${spec.host ?? ''}`
  const ref = involvedReference(involved, spec.fieldPath)
  const source = sourceKey(spec.component, spec.host, ref)
  let key = aggregationKey(namespace, involved.metadata.uid, spec.reason, spec.message, spec.type, spec.component, spec.fieldPath)
  let message = spec.message
  if (correlator) ({key, message} = correlator.aggregate(recorder, {source, aggregate: similarKey(source, spec.type, spec.reason), message}, key, at))
  // Held back by the spam filter: the recorder counts it, and the store is not read (the count is settled
  // when one of them is written).
  const held = correlator?.held(recorder, key)
  if (correlator && !correlator.allow(recorder, source, at)) {
    correlator.hold(recorder, key, {count: (held?.count ?? 0) + 1, first: held?.first ?? at, name: held?.name ?? eventName(involved, now, sequence)}, at)
    return
  }
  correlator?.release(recorder, key)
  // Written: onto the stored event with the same key if there is one, else as a new event. An event this
  // command added to the still unread stored ones is found (and updated) without reading them.
  const appended = appendedEvents(store)
  let existing: Event | undefined
  if (!(known?.add(key) ?? false) || store.isDecoded('events')) {
    existing = store.isDecoded('events') ? undefined : appended.get(key)
    if (!existing) {
      const indexed = eventIndex(store).get(key)
      const found = indexed === undefined ? undefined : store.find<Event>('events', namespace, indexed)
      if (found && keyOf(found) === key) existing = found
    }
  }
  const count = (existing?.count ?? 0) + (held?.count ?? 0) + 1
  if (existing) {
    const updated = {...existing, count, lastTimestamp: stamp, message}
    if (store.updateAppended(updated)) appended.set(key, updated)
    else store.update(updated)
    return
  }
  const name = held?.name ?? eventName(involved, now, sequence)
  const event = newEvent(spec, ref, name, message, rfc3339(held?.first ?? at), stamp, count, namespace)
  if (!store.isDecoded('events')) {
    store.append(event)
    appended.set(key, event)
    return
  }
  store.create(event)
  eventIndex(store).set(key, name)
}

function eventName(involved: KubeObject, now: Date, sequence: number): string {
  const nanos = BigInt(now.getTime()) * 1_000_000n + BigInt(sequence % 1_000_000)
  return `${involved.metadata.name}.${nanos.toString(16)}`
}

/** client-go's spam key: the source and the involved object. */
function sourceKey(component: string, host: string | undefined, ref: Event['involvedObject']): string {
  return JSON.stringify([component, host ?? '', ref.kind, ref.namespace ?? '', ref.name, ref.uid ?? '', ref.apiVersion ?? ''])
}

/** client-go's aggregation key: the source, the involved object, the type and the reason. */
function similarKey(source: string, type: string, reason: string): string {
  return `${source}${JSON.stringify([type, reason])}`
}

function newEvent(spec: EventSpec, ref: Event['involvedObject'], name: string, message: string, first: string, last: string, count: number, namespace: string): Event {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {name, namespace},
    involvedObject: ref,
    reason: spec.reason,
    message,
    source: spec.host ? {component: spec.component, host: spec.host} : {component: spec.component},
    firstTimestamp: first,
    lastTimestamp: last,
    count,
    type: spec.type,
    eventTime: null,
    reportingComponent: spec.component,
    reportingInstance: spec.host ?? '',
  }
}

/** Per store: the events recorded onto the still unread stored ones in this session, by key. */
const appendedByStore = new WeakMap<ObjectStore, Map<string, Event>>()

function appendedEvents(store: ObjectStore): Map<string, Event> {
  let appended = appendedByStore.get(store)
  if (!appended) appendedByStore.set(store, (appended = new Map()))
  return appended
}

// Which event (by name) a repeat of the same event aggregates into, per store: built once from the
// stored events, then kept up to date here, so recording N events costs O(N) rather than O(N²).
const indexes = new WeakMap<ObjectStore, Map<string, string>>()

function aggregationKey(...parts: (string | undefined)[]): string {
  return JSON.stringify(parts)
}

function keyOf(e: Event): string {
  // A combined event is counted under its aggregation key (its message follows the latest event).
  if (e.message?.startsWith(COMBINED_PREFIX)) return `${similarKey(sourceKey(e.source.component ?? '', e.source.host, e.involvedObject), e.type, e.reason)}\u0000combined`
  return aggregationKey(e.metadata.namespace ?? 'default', e.involvedObject.uid, e.reason, e.message, e.type, e.source.component, e.involvedObject.fieldPath)
}

function eventIndex(store: ObjectStore): Map<string, string> {
  let index = indexes.get(store)
  if (!index) {
    index = new Map()
    // The first event in store order wins, as a search of the list would find it.
    for (const e of store.list<Event>('events')) {
      const key = keyOf(e)
      if (!index.has(key)) index.set(key, e.metadata.name as string)
    }
    indexes.set(store, index)
  }
  return index
}

function involvedReference(obj: KubeObject, fieldPath?: string): Event['involvedObject'] {
  const ref: Event['involvedObject'] = {kind: obj.kind, name: obj.metadata.name as string, uid: obj.metadata.uid, apiVersion: obj.apiVersion, resourceVersion: obj.metadata.resourceVersion}
  if (obj.metadata.namespace) ref.namespace = obj.metadata.namespace
  if (fieldPath) ref.fieldPath = fieldPath
  return ref
}

/** Removes the events whose last occurrence is older than the TTL. */
export function expireEvents(store: ObjectStore, now: Date): void {
  const cutoff = now.getTime() - EVENT_TTL_MS
  for (const e of store.list<Event>('events')) {
    if (Date.parse(e.lastTimestamp) < cutoff) store.remove(e)
  }
}

/** Returns the earliest lastTimestamp (ms) of the stored events, or null when there are none. */
export function earliestEventTime(store: ObjectStore): number | null {
  let earliest: number | null = null
  for (const e of store.list<Event>('events')) {
    const t = Date.parse(e.lastTimestamp)
    if (!Number.isNaN(t) && (earliest === null || t < earliest)) earliest = t
  }
  return earliest
}

/**
 * The aggregation keys of the stored events, as 32-bit hashes (FNV-1a): persisted with the state, so a
 * command can tell that a new event starts its own series without reading the stored ones. A hash seen
 * before only means "maybe": the stored events are then read and searched as usual.
 */
export class EventKeys {
  private readonly hashes: Set<number>

  constructor(hashes: readonly number[]) {
    this.hashes = new Set(hashes)
  }

  /** Returns the keys of every event in the store (reads them all). */
  static of(store: ObjectStore): EventKeys {
    return new EventKeys(store.list<Event>('events').map((e) => fnv1a(keyOf(e))))
  }

  /** Notes an event's key; returns true when no event recorded before can have had it. */
  add(key: string): boolean {
    const hash = fnv1a(key)
    if (this.hashes.has(hash)) return false
    this.hashes.add(hash)
    return true
  }

  /** Returns the hashes to persist, sorted. */
  toJSON(): number[] {
    return [...this.hashes].sort((a, b) => a - b)
  }
}

