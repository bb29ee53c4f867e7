// client-go's EventCorrelator, which every component's event recorder runs before it writes an event:
// - the aggregator: once an object has had 10 events from one source with the same type and reason but
//   different messages, each within 10 minutes of the last, further ones are written as a single event
//   "(combined from similar events): <latest message>" whose count grows (a controller's "Created pod: …"
//   for a scale to 500 shows as 9 events and one combined event, as kubectl shows it);
// - the spam filter: a source may write 25 events (or count updates) about one object at once and one more
//   every 5 minutes (a token bucket per source and object); an event it holds back is not written, but its
//   count keeps growing in the recorder's memory, so the next one written carries the whole count.
// The recorder's caches are LRUs of 4096 entries per component, as client-go's; they are kept in the
// cluster state (keys hashed to 53 bits), so the recorders never forget between two kbe commands, and
// entries that no longer change anything (an aggregation gap over 10 minutes, a full bucket) are dropped.

/** client-go's correlator settings (tools/record/events_cache.go). */
export const SIMILAR_EVENTS_MAX = 10
export const SIMILAR_EVENTS_INTERVAL_MS = 600_000
export const SPAM_BURST = 25
/** One token every 300 s: tokens are counted in 1/300,000ths, so a millisecond earns exactly one unit. */
const SPAM_TOKEN = 300_000
export const CACHE_ENTRIES = 4096
export const COMBINED_PREFIX = '(combined from similar events): '

/** What one component's recorder remembers, each list oldest first (LRU order). */
export interface RecorderCaches {
  /** [aggregate key hash, last event (ms), message hashes…] */
  similar?: number[][]
  /** [source+object key hash, tokens (1/300,000ths), at (ms)] */
  spam?: [number, number, number][]
  /** Events the spam filter held back: [event key hash, count, first (ms), last (ms), name]. */
  held?: [number, number, number, number, string][]
}

/** Per component (source.component + host). */
export type CorrelatorState = Record<string, RecorderCaches>

/** Returns whether `value` has the shape of the persisted recorder caches (what a state file may hold). */
export function isCorrelatorState(value: unknown): value is CorrelatorState {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
  const rows = (v: unknown, ok: (row: unknown[]) => boolean) => v === undefined || (Array.isArray(v) && v.every((row) => Array.isArray(row) && ok(row)))
  const numbers = (row: unknown[], from = 0, to = row.length) => row.slice(from, to).every((x) => Number.isFinite(x))
  if (!isObject(value)) return false
  return Object.values(value).every((caches) => isObject(caches) &&
    rows(caches.similar, (row) => row.length >= 2 && numbers(row)) &&
    rows(caches.spam, (row) => row.length === 3 && numbers(row)) &&
    rows(caches.held, (row) => row.length === 5 && numbers(row, 0, 4) && typeof row[4] === 'string'))
}

/** An event's identity as the correlator sees it. */
export interface CorrelatedEvent {
  /** Source and involved object (spam filter key). */
  source: string
  /** Source, involved object, type and reason (aggregation key). */
  aggregate: string
  message: string
}

/** What the recorder remembers of an event the spam filter held back. */
export interface HeldEvent {
  /** How many observations were held back since one was last written. */
  count: number
  first: number
  name: string
}

/** A Map used as an LRU: reading an entry makes it the newest, and the oldest go past CACHE_ENTRIES. */
class Lru<V> {
  readonly entries = new Map<number, V>()

  get(key: number): V | undefined {
    const value = this.entries.get(key)
    if (value !== undefined) {
      this.entries.delete(key)
      this.entries.set(key, value)
    }
    return value
  }

  set(key: number, value: V): void {
    this.entries.delete(key)
    this.entries.set(key, value)
    if (this.entries.size > CACHE_ENTRIES) this.entries.delete(this.entries.keys().next().value as number)
  }

  delete(key: number): void {
    this.entries.delete(key)
  }
}

interface Recorder {
  similar: Lru<{last: number; messages: number[]}>
  spam: Lru<{tokens: number; at: number}>
  held: Lru<{count: number; first: number; last: number; name: string}>
}

export class EventCorrelator {
  private readonly recorders = new Map<string, Recorder>()

  constructor(private readonly saved: CorrelatorState | undefined) {}

  /**
   * The aggregator: returns the message to write and the key the recorder counts it under — the event's
   * own key, or its aggregation key once it is one of many similar events (`combined`).
   */
  aggregate(component: string, event: CorrelatedEvent, ownKey: string, now: number): {message: string; key: string; combined: boolean} {
    const similar = this.recorder(component).similar
    const id = hash53(event.aggregate)
    let record = similar.get(id)
    if (!record || now - record.last > SIMILAR_EVENTS_INTERVAL_MS) record = {last: now, messages: []}
    const message = fnv1a(event.message)
    if (!record.messages.includes(message)) record.messages.push(message)
    record.last = now
    similar.set(id, record)
    if (record.messages.length < SIMILAR_EVENTS_MAX) return {message: event.message, key: ownKey, combined: false}
    // client-go drops an arbitrary message from the full set; kbe drops the oldest.
    record.messages.shift()
    return {message: COMBINED_PREFIX + event.message, key: `${event.aggregate}\u0000combined`, combined: true}
  }

  /** Returns what the recorder remembers of an event it held back under `key`, if anything. */
  held(component: string, key: string): HeldEvent | undefined {
    const held = this.recorder(component).held.get(hash53(key))
    return held && {count: held.count, first: held.first, name: held.name}
  }

  /** The spam filter: takes a token for `source` (one source about one object); false when there is none. */
  allow(component: string, source: string, now: number): boolean {
    const spam = this.recorder(component).spam
    const id = hash53(source)
    const bucket = spam.get(id)
    const tokens = bucket ? Math.min(SPAM_BURST * SPAM_TOKEN, bucket.tokens + Math.max(0, now - bucket.at)) : SPAM_BURST * SPAM_TOKEN
    if (tokens < SPAM_TOKEN) {
      spam.set(id, {tokens, at: now})
      return false
    }
    spam.set(id, {tokens: tokens - SPAM_TOKEN, at: now})
    return true
  }

  /** Remembers an event the spam filter held back (its next observation continues the count). */
  hold(component: string, key: string, event: HeldEvent, now: number): void {
    this.recorder(component).held.set(hash53(key), {...event, last: now})
  }

  /** Forgets a held event once it has been written. */
  release(component: string, key: string): void {
    this.recorder(component).held.delete(hash53(key))
  }

  /**
   * Returns the caches to persist, or undefined if nothing was read or changed: entries that no longer
   * matter at `now` are left out (an aggregation gap past 10 minutes, a bucket full again, a held
   * event older than `heldFor`).
   */
  toJSON(now: number, heldFor: number): CorrelatorState | undefined {
    if (this.recorders.size === 0) return this.saved
    const out: CorrelatorState = {...this.saved}
    for (const [component, r] of this.recorders) {
      const caches: RecorderCaches = {}
      const similar = [...r.similar.entries].filter(([, v]) => now - v.last <= SIMILAR_EVENTS_INTERVAL_MS).map(([k, v]) => [k, v.last, ...v.messages])
      const spam = [...r.spam.entries].filter(([, v]) => v.tokens + (now - v.at) < SPAM_BURST * SPAM_TOKEN).map(([k, v]): [number, number, number] => [k, v.tokens, v.at])
      const held = [...r.held.entries].filter(([, v]) => now - v.last <= heldFor).map(([k, v]): [number, number, number, number, string] => [k, v.count, v.first, v.last, v.name])
      if (similar.length) caches.similar = similar
      if (spam.length) caches.spam = spam
      if (held.length) caches.held = held
      if (Object.keys(caches).length) out[component] = caches
      else delete out[component]
    }
    return Object.keys(out).length ? out : undefined
  }

  private recorder(component: string): Recorder {
    let r = this.recorders.get(component)
    if (!r) {
      r = {similar: new Lru(), spam: new Lru(), held: new Lru()}
      const saved = this.saved?.[component]
      for (const [k, last, ...messages] of saved?.similar ?? []) r.similar.set(k, {last, messages})
      for (const [k, tokens, at] of saved?.spam ?? []) r.spam.set(k, {tokens, at})
      for (const [k, count, first, last, name] of saved?.held ?? []) r.held.set(k, {count, first, last, name})
      this.recorders.set(component, r)
    }
    return r
  }
}

/** FNV-1a, 32 bits. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** A 53-bit hash (two FNV-1a runs with different seeds): collisions among 4096 keys are out of reach. */
function hash53(text: string): number {
  return fnv1a(text) * 0x200000 + (fnv1a(text, 0x050c5d1f) & 0x1fffff)
}
