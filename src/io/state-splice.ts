// Object sections and their key index: how a record of objects ({"<ns>/<name>": object, …}) is encoded —
// each object as Go's compact JSON, the text kubectl prints it as, so that `get -o json` can print a
// section it never parsed — with an index of where each object's JSON sits in it (`{"<key>": [offset,
// length], …}`, in bytes from the section's opening brace); how a section is read as a lazy record, each
// object parsed when first read, once its index is found to fit it (each key's `"key":` right before its
// value, the entries tiling the section); and how a lazy record is written back by splicing: an entry never
// read, or still the object read with the resourceVersion it had (every store write stamps a new one), is
// copied from the old bytes — a run of such entries as one slice — while changed and new entries are encoded
// and removed ones left out, in the record's own order. An index that is missing, not JSON or does not fit
// is ignored — it is derived data — and the section is then parsed whole and encoded in full when written,
// which writes a correct index again. A section written before objects were stored as Go JSON, or a fully
// read one where more than a quarter of the entries changed, is encoded in full as well.

import {marshalCompact} from '../printers/json.js'
import {isCompactJsonObject} from './compact-json.js'
import {slice, type StateBytes, type StateChunk} from './state-chunks.js'

/** An encoded object section, and its key index. */
export interface EncodedSection {
  chunks: StateChunk[]
  index: StateChunk[]
  /** Whether every entry is its object's compact Go JSON (see goJsonEntry). */
  goJson: boolean
}

/** Where a section (or its index) is in a file. */
export interface SectionPlace {
  source: StateBytes
  offset: number
  length: number
  /** For a section: whether its file says every entry is its object's compact Go JSON. */
  goJson?: boolean
}

/**
 * Returns the JSON an object is stored as: Go's compact encoding (keys sorted at every level, encoding/json's
 * escaping), which JSON.parse reads back as the same object. Being the text `kubectl get -o json` shows
 * (before indentation), a section stored this way can be printed without being parsed (src/printers/json.ts).
 */
export function goJsonEntry(object: unknown): string | undefined {
  return object === undefined ? undefined : marshalCompact(object)
}

/** An entry of a decoded section as it was in the file: its object then, and its byte range there. */
interface StoredEntry {
  object: unknown
  resourceVersion: unknown
  /** Where `"key":` begins, where the value begins, and where the value ends (section-relative). */
  start: number
  value: number
  end: number
}

/** Where a decoded section came from: its bytes and index in the old file, and each entry's place there. */
interface SectionOrigin {
  section: SectionPlace
  index: SectionPlace
  entries: Map<string, StoredEntry>
}

/** When to splice: 'auto' when it pays, 'always' whenever the old bytes allow it (checks), or 'never'. */
export type SpliceMode = 'auto' | 'always' | 'never'

/** Entries changed or removed beyond this share of a section make a full encoding cheaper than a splice. */
const SPLICE_LIMIT = 1 / 4

/** The origin of each lazy record, by the record object itself (see lazyRecord). */
const origins = new WeakMap<object, SectionOrigin>()

/** How much encoded text is gathered in one buffer before another is started. */
const BUFFER_SIZE = 1 << 20

/**
 * Encoded text as buffers: text is written as UTF-8 straight into a buffer (which tells how many bytes
 * it took, so nothing is measured twice), and taken out as the chunks written so far.
 */
class TextSink {
  private buffer = Buffer.allocUnsafe(0)
  private from = 0
  private used = 0
  private readonly done: Buffer[] = []

  /** Appends `text`; returns its length in bytes. */
  write(text: string): number {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8, so this much room always holds the text.
    if (this.buffer.length - this.used < text.length * 3) this.startBuffer(text.length * 3)
    const length = this.buffer.write(text, this.used)
    this.used += length
    return length
  }

  /** Returns the buffers written since the last call. */
  take(): Buffer[] {
    if (this.used > this.from) this.done.push(this.buffer.subarray(this.from, this.used))
    this.from = this.used
    return this.done.splice(0)
  }

  private startBuffer(room: number): void {
    if (this.used > this.from) this.done.push(this.buffer.subarray(this.from, this.used))
    this.buffer = Buffer.allocUnsafe(Math.max(BUFFER_SIZE, room))
    this.from = 0
    this.used = 0
  }
}

/**
 * Writes the entries of a section one after another: encoded ones as text, copied ones as slices of the
 * old section (adjacent copies merge into one), keeping count of the bytes so far for the index.
 */
class SectionWriter {
  private readonly chunks: StateChunk[] = []
  private readonly text = new TextSink()
  private readonly index: string[] = []
  private run?: {start: number; end: number}
  /** Whether an entry was copied from the old section. */
  private copied = false
  private at: number
  private entries = 0

  /** `old`: the section spliced into (entries copied from it are Go JSON if it says so). */
  constructor(private readonly old?: SectionPlace) {
    this.at = this.text.write('{')
  }

  /** Adds `key` with `object` encoded as JSON (skipped, as JSON.stringify skips it, when it has none). */
  encode(key: string, object: unknown): void {
    const value = goJsonEntry(object)
    if (value === undefined) return
    this.closeRun()
    const name = JSON.stringify(key)
    this.at += this.text.write(`${this.entries > 0 ? ',' : ''}${name}:`)
    this.note(name, this.text.write(value))
  }

  /** Adds `key` with its bytes copied from the old section. */
  copy(key: string, stored: StoredEntry): void {
    this.copied = true
    const comma = this.entries > 0 ? 1 : 0
    if (this.run && this.run.end + 1 === stored.start) {
      this.run.end = stored.end // the comma between them is in the old bytes
    } else {
      this.closeRun()
      if (comma) this.text.write(',')
      this.chunks.push(...this.text.take())
      this.run = {start: stored.start, end: stored.end}
    }
    this.at += comma + stored.value - stored.start
    this.note(JSON.stringify(key), stored.end - stored.value)
  }

  /** Returns the section with its closing brace, and its index. */
  finish(): EncodedSection {
    this.closeRun()
    this.text.write('}')
    this.chunks.push(...this.text.take())
    return {chunks: this.chunks, index: [Buffer.from(`{${this.index.join(',')}}`)], goJson: !this.copied || this.old?.goJson === true}
  }

  /** Notes in the index that the value of the key (given as JSON) is `length` bytes from here. */
  private note(name: string, length: number): void {
    this.index.push(`${name}:[${this.at},${length}]`)
    this.at += length
    this.entries += 1
  }

  private closeRun(): void {
    if (!this.run || !this.old) return
    this.chunks.push(slice(this.old.source, this.old.offset + this.run.start, this.run.end - this.run.start))
    this.run = undefined
  }
}

/** Encodes a record of objects (each as goJsonEntry), with its key index. */
export function encodeObjects(record: Record<string, unknown> | undefined): EncodedSection {
  const writer = new SectionWriter()
  for (const key of Object.keys(record ?? {})) writer.encode(key, (record as Record<string, unknown>)[key])
  return writer.finish()
}

/**
 * Writes a decoded record back by splicing it into its old bytes; undefined when it has no usable origin
 * (no index, old file closed) or, in 'auto' mode, when too much changed for splicing to pay.
 */
export function spliceObjects(record: Record<string, unknown>, mode: SpliceMode): EncodedSection | undefined {
  if (mode === 'never') return undefined
  const origin = origins.get(record)
  if (!origin || origin.section.source.open?.() === false) return undefined
  // A section written before objects were stored as Go JSON is encoded in full once; from then on it is spliced.
  if (mode === 'auto' && origin.section.goJson !== true) return undefined
  const keys = Object.keys(record)
  const changes = countChanges(record, keys, origin)
  // Encoding in full would parse every unread entry of a lazy record: with one, splicing always pays.
  if (mode === 'auto' && changes.unread === 0 && changes.encoded + changes.removed > keys.length * SPLICE_LIMIT) return undefined
  if (changes.encoded === 0 && changes.removed === 0 && changes.inOrder) return untouched(origin)
  const writer = new SectionWriter(origin.section)
  for (const key of keys) {
    const stored = origin.entries.get(key)
    if (stored && isUnchanged(stored, storedValue(record, key))) writer.copy(key, stored)
    else writer.encode(key, record[key])
  }
  return writer.finish()
}

/** A section none of whose entries changed, moved or went: its old bytes and old index. */
function untouched({section, index}: SectionOrigin): EncodedSection {
  return {chunks: [slice(section.source, section.offset, section.length)], index: [slice(index.source, index.offset, index.length)], goJson: section.goJson === true}
}

/** Counts the entries to encode (changed or new), the removed ones and the unread ones; inOrder: the rest keep their order. */
function countChanges(record: Record<string, unknown>, keys: string[], origin: SectionOrigin): {encoded: number; removed: number; unread: number; inOrder: boolean} {
  let encoded = 0
  let kept = 0
  let unread = 0
  let end = 0
  let inOrder = true
  for (const key of keys) {
    const stored = origin.entries.get(key)
    if (stored) {
      kept += 1
      inOrder &&= stored.start === end + 1
      end = stored.end
    }
    const value = storedValue(record, key)
    if (value === UNREAD) unread += 1
    else if (!stored || !isUnchanged(stored, value)) encoded += 1
  }
  return {encoded, removed: origin.entries.size - kept, unread, inOrder}
}

/** Stands for an entry of a lazy record nobody has read: it is as the file has it. */
const UNREAD = Symbol('unread')

/** Per lazy record: the entries read or assigned so far (an entry keeps its accessor; its value is here). */
const lazyValues = new WeakMap<object, Map<string, unknown>>()

/** Per lazy record: the bytes it was read from, where each entry is in them, and whether they are Go JSON. */
interface LazySource {
  bytes: Buffer
  entries: Map<string, StoredEntry>
  goJson: boolean
  /** Whether the bytes are well-formed compact JSON, once asked. */
  wellFormed?: boolean
}
const lazySources = new WeakMap<object, LazySource>()

/** Returns a record's entry, or UNREAD for an entry of a lazy record still unread (without reading it). */
function storedValue(record: Record<string, unknown>, key: string): unknown {
  const property = Object.getOwnPropertyDescriptor(record, key)
  if (!property?.get) return property?.value
  const values = lazyValues.get(record)
  return values?.has(key) ? values.get(key) : UNREAD
}

function resourceVersionOf(object: unknown): unknown {
  return (object as {metadata?: {resourceVersion?: unknown}} | null)?.metadata?.resourceVersion
}

/** Whether a current object is the one decoded, at the resourceVersion it was decoded with (or still unread). */
function isUnchanged(stored: StoredEntry, object: unknown): boolean {
  return object === UNREAD || (object === stored.object && resourceVersionOf(object) === stored.resourceVersion)
}

/**
 * Returns a section's objects as a record whose entries are parsed one by one, on first access (through
 * `parse`, which reports a broken entry), when its key index tiles `bytes` (the section as read); undefined
 * when it does not (the caller parses the section whole). Keys list in the file's order without parsing
 * anything, so a command that reads 30 of 10,000 pods parses 30. Each entry is an accessor for good (turning
 * thousands of them into plain properties one by one costs V8 far more than the parsing): reading it parses
 * once, assigning replaces the value, and `delete` removes it as from any record. An entry never read is
 * copied from the old bytes when the record is written back (spliceObjects).
 */
export function lazyRecord(section: SectionPlace, index: SectionPlace, bytes: Buffer, parse: (text: string) => unknown): Record<string, unknown> | undefined {
  const places = readJsonObject(index)
  // The index is walked in the section's order: by offset, whatever order it lists its keys in (kbe
  // writes it in that order, so it is sorted only when it is not).
  const keys = places && inSectionOrder(places)
  const entries = places && keys && storedEntries(keys, bytes, places)
  if (!entries) return undefined
  const record: Record<string, unknown> = {}
  const values = new Map<string, unknown>()
  for (const [key, entry] of entries) {
    Object.defineProperty(record, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        if (values.has(key)) return values.get(key)
        const value = parse(bytes.toString('utf8', entry.value, entry.end))
        entry.object = value
        entry.resourceVersion = resourceVersionOf(value)
        values.set(key, value)
        return value
      },
      set: (value: unknown) => void values.set(key, value),
    })
  }
  lazyValues.set(record, values)
  lazySources.set(record, {bytes, entries, goJson: section.goJson === true})
  origins.set(record, {section, index, entries})
  return record
}

/**
 * Returns, for a lazy record stored as Go JSON (section.goJson), a lookup of each still unread entry's
 * stored text — what `get -o json` prints without parsing — once its bytes are found to be well-formed
 * compact JSON (a damaged byte must be reported by parsing, not printed); undefined otherwise.
 */
export function storedGoJson(record: object): ((key: string) => Uint8Array | undefined) | undefined {
  const source = lazySources.get(record)
  if (!source?.goJson) return undefined
  source.wellFormed ??= isCompactJsonObject(source.bytes)
  if (!source.wellFormed) return undefined
  return (key) => {
    const entry = source.entries.get(key)
    return entry && isUnread(record, key) ? source.bytes.subarray(entry.value, entry.end) : undefined
  }
}

/** Returns whether a record is a lazy record (see lazyRecord). */
export function isLazyRecord(record: object): boolean {
  return lazyValues.has(record)
}

/** Returns whether a record's entry is still unread (a lazy record's, see lazyRecord). */
export function isUnread(record: object, key: string): boolean {
  return Object.getOwnPropertyDescriptor(record, key)?.get !== undefined && lazyValues.get(record)?.has(key) !== true
}

/** Returns a section parsed as a JSON object (a key index, the digests), or undefined when it can't be read or is not one. */
export function readJsonObject({source, offset, length}: SectionPlace): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(source.read(offset, length).toString('utf8')) as unknown
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined
  } catch {
    return undefined
  }
}

/** Returns a key index's keys by offset (a place that is not one sorts anywhere: storedEntries rejects it). */
function inSectionOrder(places: Record<string, unknown>): string[] {
  const keys = Object.keys(places)
  const offset = (key: string) => {
    const place = places[key]
    return isPlace(place) ? place[0] : Number.NaN
  }
  for (let i = 1; i < keys.length; i++) if (!(offset(keys[i - 1]) < offset(keys[i]))) return keys.sort((a, b) => offset(a) - offset(b))
  return keys
}

/**
 * Returns each entry's place in `bytes` (the section) as the index gives it, if the index matches: walking
 * `keys` in the section's order, every key's `"key":` must sit right before its value, each value must look
 * like an object, and the entries must fill the section up to its closing brace. Entries start unread.
 */
function storedEntries(keys: string[], bytes: Buffer, index: Record<string, unknown>): Map<string, StoredEntry> | undefined {
  const entries = new Map<string, StoredEntry>()
  let at = 1
  for (const key of keys) {
    const place = Object.hasOwn(index, key) ? index[key] : undefined
    if (!isPlace(place)) return undefined
    const [value, length] = place
    const start = entries.size > 0 ? at + 1 : at
    if (value + length > bytes.length || (entries.size > 0 && bytes[at] !== 0x2c)) return undefined
    if (!headAt(bytes, start, value, key) || bytes[value] !== 0x7b || bytes[value + length - 1] !== 0x7d) return undefined
    entries.set(key, {object: UNREAD, resourceVersion: undefined, start, value, end: value + length})
    at = value + length
  }
  return at === bytes.length - 1 && bytes[at] === 0x7d ? entries : undefined
}

/** Returns whether bytes [start, value) are the key's `"key":`; a plain ASCII key is compared without encoding it. */
function headAt(bytes: Buffer, start: number, value: number, key: string): boolean {
  if (value !== start + key.length + 3 || !isPlainKey(key)) {
    const head = `${JSON.stringify(key)}:`
    return value === start + Buffer.byteLength(head) && bytes.toString('utf8', start, value) === head
  }
  if (bytes[start] !== 0x22 || bytes[value - 2] !== 0x22 || bytes[value - 1] !== 0x3a) return false
  for (let i = 0; i < key.length; i++) if (bytes[start + 1 + i] !== key.charCodeAt(i)) return false
  return true
}

/** Whether JSON writes the key as itself in quotes, one byte a character (printable ASCII, no `"` or `\`). */
function isPlainKey(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i)
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return false
  }
  return true
}

function isPlace(place: unknown): place is [number, number] {
  return Array.isArray(place) && place.length === 2 && Number.isSafeInteger(place[0]) && Number.isSafeInteger(place[1]) && place[0] > 0 && place[1] >= 2
}

