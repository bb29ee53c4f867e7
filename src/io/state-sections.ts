// The state file's layout (format version 2): one header line of JSON — the cluster's scalars, the list
// of sections with their byte lengths, the resources with owned objects, those stored as Go JSON — followed
// by one line per section: the kubelet's runtime bookkeeping and the event-key hashes, each resource's
// objects, a key index per resource but the events (where each object's JSON is in its section, see
// src/io/state-splice.ts), a digest of each pod (src/store/pod-digest.ts), and an index of where each
// involved object's events sit in the events section. A command decodes only the sections it touches: the
// resources appear in `state.objects` as getters that read their line on first use, and a section with a
// key index becomes a lazy record whose objects are parsed one by one when first read; a section never
// decoded is copied back byte for byte (with any events appended to it spliced in), and a decoded one is
// spliced — its unread and unchanged entries copied from the old file, only the changed ones encoded — so
// a command that changes 30 of 10,000 pods parses and encodes about 30 pods, the controllers starting from
// the digests. `kbe iptables-save` on a cluster of 10,000 pods therefore never parses the pods or the
// events, and `describe` reads only the events of the object it describes. A broken object is reported
// when it is read. Files without key indexes or digests (written before them) load as well and get them
// the first time the section is written. Version 1 (one JSON document) is still read, so a cluster
// survives an upgrade of kbe.

import type {KubeObject, Pod} from '../api/types.js'
import {digestPod} from '../store/pod-digest.js'
import {UNDECODED, STATE_VERSION, mayHaveOwners, type ClusterState, type UndecodedSections} from '../cluster/state.js'
import {chunksLength, slice, type StateBytes, type StateChunk} from './state-chunks.js'
import {encodeObjects, isLazyRecord, isUnread, lazyRecord, readJsonObject, spliceObjects, storedGoJson, type EncodedSection, type SpliceMode} from './state-splice.js'

export type {LazyBytes, StateBytes, StateChunk} from './state-chunks.js'

/** The header line: every scalar of the state, and the sections that follow it in order. */
export interface StateHeader extends Omit<ClusterState, 'objects' | 'version' | EagerSection> {
  version: typeof STATE_VERSION
  /** [name, byte length without the newline]: the eager sections first, then "objects/<resource>". */
  sections: [string, number][]
  /** The resources with an object that has ownerReferences (what the garbage collector must look at). */
  owned: string[]
  /** The resources whose section holds each object as its compact Go JSON (state-splice.ts: goJsonEntry). */
  goJson?: string[]
}

/** Parts of the state kept on lines of their own but decoded at load (every command needs them). */
const EAGER_SECTIONS = ['runtime', 'eventKeys'] as const
type EagerSection = (typeof EAGER_SECTIONS)[number]
const OBJECTS = 'objects/'
const EVENTS = 'events'
/** Where in the events section each involved object's events are: what `describe` reads them by. */
const EVENT_INDEX = 'index/events'
/** Where the objects of each other resource are in its section: "index/objects/<resource>". */
const KEY_INDEX = 'index/objects/'

/** A section still on disk: where its bytes are, and the objects added to it since it was loaded. */
interface RawSection {
  source: StateBytes
  offset: number
  length: number
  appended?: Record<string, KubeObject>
  /** Whether an object of it may have ownerReferences (true when the file did not say). */
  owned: boolean
  /** Whether each object in it is its compact Go JSON (the file says so). */
  goJson: boolean
}

/** The sections not decoded yet, per `objects` record. */
const deferred = new WeakMap<object, Map<string, RawSection>>()
/** The event index section of a loaded file, per `objects` record. */
const deferredIndex = new WeakMap<object, RawSection>()
/** The key index sections of a loaded file, by resource, per `objects` record. */
const deferredKeyIndexes = new WeakMap<object, Map<string, RawSection>>()
/** The digest sections of a loaded file, by resource, per `objects` record; and their parsed text (null: unusable). */
const deferredDigests = new WeakMap<object, Map<string, RawSection>>()
const parsedDigests = new WeakMap<RawSection, Record<string, unknown> | null>()

/** The digest of each object, for the resources that have one: "index/digest/<resource>" (src/store/pod-digest.ts). */
const DIGEST = 'index/digest/'
const DIGESTS: Record<string, (obj: KubeObject) => unknown> = {pods: (pod) => digestPod(pod as Pod)}

/**
 * Returns the chunks of the sectioned encoding of `state`: undecoded sections copied from the old file,
 * decoded ones spliced into their old bytes as `mode` says (see src/io/state-splice.ts) or encoded anew.
 */
export function encodeState(state: ClusterState, mode: SpliceMode = 'auto'): StateChunk[] {
  const {objects, ...rest} = state
  const scalars: Record<string, unknown> = {...rest}
  const raw = deferred.get(objects)
  const keyIndexes = deferredKeyIndexes.get(objects)
  const bodies: [string, StateChunk[]][] = []
  for (const name of EAGER_SECTIONS) {
    if (state[name] !== undefined) bodies.push([name, [Buffer.from(JSON.stringify(state[name]))]])
    delete scalars[name]
  }
  const names = new Set([...Object.keys(objects), ...(raw?.keys() ?? [])])
  const indexes: [string, StateChunk[]][] = []
  let eventIndex: StateChunk[] | undefined
  const goJson: string[] = []
  for (const resource of [...names].sort()) {
    const section = raw?.get(resource)
    if (resource !== EVENTS) {
      const encoded = section ? rawObjects(section, keyIndexes?.get(resource)) : decodedObjects(objects[resource], mode)
      bodies.push([OBJECTS + resource, encoded.chunks])
      if (encoded.index) indexes.push([KEY_INDEX + resource, encoded.index])
      if (encoded.goJson) goJson.push(resource)
      continue
    }
    const encoded = section ? rawEvents(section, deferredIndex.get(objects)) : indexedRecord(objects[resource], 1, false)
    bodies.push([OBJECTS + resource, encoded.chunks])
    eventIndex = encoded.index
  }
  bodies.push(...indexes)
  for (const resource of Object.keys(DIGESTS)) {
    if (!names.has(resource)) continue
    const section = raw?.get(resource)
    const old = deferredDigests.get(objects)?.get(resource)
    if (!section) bodies.push([DIGEST + resource, digestSection(resource, objects[resource], old)])
    else if (old && !section.appended) bodies.push([DIGEST + resource, [slice(old.source, old.offset, old.length)]])
  }
  if (eventIndex) bodies.push([EVENT_INDEX, eventIndex])
  const owned = [...names].sort().filter((resource) => mayHaveOwners(objects, resource))
  const header = {...scalars, version: STATE_VERSION, sections: bodies.map(([name, parts]) => [name, chunksLength(parts)]), owned, goJson}
  const chunks: StateChunk[] = [JSON.stringify(header), '\n']
  for (const [, parts] of bodies) chunks.push(...parts, '\n')
  return chunks
}

/**
 * The digest section of a decoded resource: a still unread object's digest is copied from the file's digest
 * (written with the object), the others' are made from the objects.
 */
function digestSection(resource: string, record: Record<string, KubeObject> | undefined, old: RawSection | undefined): StateChunk[] {
  const digest = DIGESTS[resource]
  const stored = old && parsedDigest(old)
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(record ?? {})) {
    const objects = record as Record<string, KubeObject>
    out[key] = stored && isUnread(objects, key) && Object.hasOwn(stored, key) ? stored[key] : digest(objects[key])
  }
  return [Buffer.from(JSON.stringify(out))]
}

/** Returns a digest section parsed (once), or null when it is not a JSON object. */
function parsedDigest(section: RawSection): Record<string, unknown> | null {
  let parsed = parsedDigests.get(section)
  if (parsed === undefined) parsedDigests.set(section, (parsed = readJsonObject(section) ?? null))
  return parsed
}

/** A decoded resource's objects: spliced into the old file's bytes when that pays, else encoded in full. */
function decodedObjects(record: Record<string, KubeObject> | undefined, mode: SpliceMode): EncodedSection {
  return (record && spliceObjects(record, mode)) ?? encodeObjects(record)
}

/**
 * An undecoded resource written back: its old bytes and key index. Objects appended to it (only events
 * are, and they have an index of their own) leave it without a key index: a full encoding writes one.
 */
function rawObjects(section: RawSection, keyIndex: RawSection | undefined): {chunks: StateChunk[]; index?: StateChunk[]; goJson: boolean} {
  const index = keyIndex && !section.appended ? [slice(keyIndex.source, keyIndex.offset, keyIndex.length)] : undefined
  return {chunks: rawChunks(section), index, goJson: section.goJson && !section.appended}
}

/** An undecoded section as written back: its old bytes, with the objects appended since spliced in. */
function rawChunks(section: RawSection): StateChunk[] {
  const {source, offset, length, appended} = section
  if (!appended) return [slice(source, offset, length)]
  // `{"a":…}` + {"b":…} is `{"a":…,"b":…}`: the old bytes up to the closing brace, then the new entries.
  const entries = Buffer.from(JSON.stringify(appended).slice(1))
  const head = length - 1
  return [slice(source, offset, head), Buffer.from(length > 2 ? ',' : ''), entries]
}

/** Where each event's JSON is inside the events section, by involvedObject.uid: [offset, length, …]. */
type EventIndex = Record<string, number[]>

/**
 * Encodes a record of events as JSON.stringify would, with an index of where each event sits (offsets
 * counted from `start`, the byte the first entry begins at); `comma` puts a comma before the first entry.
 * Returns the chunks of the record (with its closing brace, and its opening one when `start` is 1).
 */
function indexedRecord(record: Record<string, KubeObject> | undefined, start: number, comma: boolean, index: EventIndex = {}): {chunks: StateChunk[]; index: StateChunk[]} {
  const pieces: string[] = start === 1 ? ['{'] : []
  let at = start
  for (const [key, event] of Object.entries(record ?? {})) {
    const name = `${comma ? ',' : ''}${JSON.stringify(key)}:`
    const value = JSON.stringify(event)
    at += Buffer.byteLength(name)
    const length = Buffer.byteLength(value)
    const uid = (event as {involvedObject?: {uid?: string}}).involvedObject?.uid ?? ''
    ;(index[uid] ??= []).push(at, length)
    at += length
    pieces.push(name, value)
    comma = true
  }
  pieces.push('}')
  return {chunks: [Buffer.from(pieces.join(''))], index: [Buffer.from(JSON.stringify(index))]}
}

/** The undecoded events written back, and their index: the old one (if the file had it) plus the new events. */
function rawEvents(section: RawSection, oldIndex: RawSection | undefined): {chunks: StateChunk[]; index?: StateChunk[]} {
  const {source, offset, length, appended} = section
  if (!appended) return {chunks: rawChunks(section), index: oldIndex && [slice(oldIndex.source, oldIndex.offset, oldIndex.length)]}
  if (!oldIndex) return {chunks: rawChunks(section)}
  const head = length - 1
  const index = JSON.parse(oldIndex.source.read(oldIndex.offset, oldIndex.length).toString('utf8')) as EventIndex
  const tail = indexedRecord(appended, head, length > 2, index)
  return {chunks: [slice(source, offset, head), ...tail.chunks], index: tail.index}
}

/** How many bytes of a file to read first, looking for the end of the header line. */
const HEADER_PROBE = 64 * 1024

/**
 * Decodes a state file: the header and the runtime now, each resource's objects on first use (read from
 * `source` then, so a command reads only the sections it needs). `corrupt` makes the error to throw when
 * the layout is broken (a truncated or padded file, a bad header) or a section turns out not to be JSON —
 * at load, or later when the section is first read.
 */
export function decodeState(source: StateBytes, corrupt: (detail: string) => Error): unknown {
  let head = source.read(0, Math.min(source.size, HEADER_PROBE))
  let end = head.indexOf(10)
  if (end < 0 && head.length < source.size) {
    head = source.read(0, source.size)
    end = head.indexOf(10)
  }
  if (end < 0) return JSON.parse(head.toString('utf8')) // version 1: one JSON document
  const header = JSON.parse(head.toString('utf8', 0, end)) as Partial<StateHeader>
  if (header?.version !== STATE_VERSION) return header
  if (!Array.isArray(header.sections)) throw corrupt('no section list')
  let at = end + 1
  const bodies = new Map<string, RawSection>()
  const ownedInFile = new Map<string, boolean>()
  for (const section of header.sections) {
    const [name, length] = Array.isArray(section) ? section : []
    if (typeof name !== 'string' || typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0 || at + length >= source.size) {
      throw corrupt(`section ${String(name)} is cut short or has the wrong length`)
    }
    const owned = !Array.isArray(header.owned) || header.owned.includes(name.slice(OBJECTS.length))
    const goJson = Array.isArray(header.goJson) && header.goJson.includes(name.slice(OBJECTS.length))
    bodies.set(name, {source, offset: at, length, owned, goJson})
    if (name.startsWith(OBJECTS)) ownedInFile.set(name.slice(OBJECTS.length), owned)
    at += length + 1
  }
  if (at !== source.size) throw corrupt('bytes after the last section')
  if (!bodies.has('runtime')) throw corrupt('no runtime section')
  const {sections: _sections, owned: _owned, goJson: _goJson, ...scalars} = header
  const eager: Record<string, unknown> = {}
  for (const name of EAGER_SECTIONS) {
    const body = bodies.get(name)
    if (body) eager[name] = parseSection(name, body, corrupt)
  }
  const objects: Record<string, Record<string, KubeObject>> = {}
  const raw = new Map<string, RawSection>()
  const indexBody = bodies.get(EVENT_INDEX)
  if (indexBody) deferredIndex.set(objects, indexBody)
  let parsedIndex: EventIndex | undefined
  const keyIndexes = new Map<string, RawSection>()
  for (const [name, body] of bodies) if (name.startsWith(KEY_INDEX)) keyIndexes.set(name.slice(KEY_INDEX.length), body)
  deferredKeyIndexes.set(objects, keyIndexes)
  const digests = new Map<string, RawSection>()
  for (const [name, body] of bodies) if (name.startsWith(DIGEST)) digests.set(name.slice(DIGEST.length), body)
  deferredDigests.set(objects, digests)
  for (const [name, body] of bodies) {
    if (!name.startsWith(OBJECTS)) continue
    const resource = name.slice(OBJECTS.length)
    raw.set(resource, body)
    const keyIndex = resource === EVENTS ? undefined : keyIndexes.get(resource)
    Object.defineProperty(objects, resource, {
      configurable: true,
      enumerable: true,
      get: () => settle(objects, raw, resource, decodeObjects(name, body, keyIndex, corrupt)),
      set: (value: Record<string, KubeObject>) => settle(objects, raw, resource, value),
    })
  }
  deferred.set(objects, raw)
  // New objects for a section still on disk (events recorded on a big cluster) wait beside it: they are
  // merged in if it is decoded later, or spliced into its old bytes when the state is written.
  const sections: UndecodedSections = {
    append: (resource, key, obj) => {
      const section = raw.get(resource)
      if (!section) return false
      ;(section.appended ??= {})[key] = obj
      if (obj.metadata.ownerReferences?.length) section.owned = true
      return true
    },
    mayHaveOwners: (resource) => {
      const section = raw.get(resource)
      if (section) return section.owned
      const record = objects[resource]
      if (!record || !isLazyRecord(record)) return undefined
      // The file said whether its objects had owners: unread ones are still those.
      for (const key in record) {
        if (isUnread(record, key) ? ownedInFile.get(resource) !== false : record[key]?.metadata?.ownerReferences?.length) return true
      }
      return false
    },
    eventsInvolving: (uids) => {
      const section = raw.get(EVENTS)
      if (!section || !indexBody) return undefined
      parsedIndex ??= parseIndex(indexBody, corrupt)
      const found: KubeObject[] = []
      for (const uid of uids) {
        const places = parsedIndex[uid] ?? []
        for (let i = 0; i + 1 < places.length; i += 2) found.push(parseEntry(section, places[i], places[i + 1], corrupt))
      }
      for (const event of Object.values(section.appended ?? {})) {
        if (uids.includes((event as {involvedObject?: {uid?: string}}).involvedObject?.uid ?? '')) found.push(event)
      }
      return found
    },
    storedDigest: (resource, key) => {
      const section = digests.get(resource)
      const record = section && objects[resource]
      if (!record || !isUnread(record, key)) return undefined
      const stored = parsedDigest(section)
      return stored && Object.hasOwn(stored, key) ? stored[key] : undefined
    },
    storedGoJson: (resource) => {
      const record = objects[resource]
      return record && storedGoJson(record)
    },
  }
  Object.defineProperty(objects, UNDECODED, {value: sections})
  return {...scalars, ...eager, objects}
}

/** Replaces a section's getter with its decoded value (from then on it is ordinary, writable data). */
function settle(objects: object, raw: Map<string, RawSection>, resource: string, value: Record<string, KubeObject>): Record<string, KubeObject> {
  Object.defineProperty(objects, resource, {value, writable: true, enumerable: true, configurable: true})
  raw.delete(resource)
  return value
}

/**
 * Decodes a resource's section: with a key index that fits it, as a lazy record (each object parsed when
 * first read and spliced back when written, see state-splice.ts); else parsed whole (and encoded in full
 * when written, which writes a correct index). Then merges in the objects appended to it meanwhile. A
 * broken object is reported as a broken section when it is read.
 */
function decodeObjects(name: string, body: RawSection, keyIndex: RawSection | undefined, corrupt: (detail: string) => Error): Record<string, KubeObject> {
  const bytes = readSection(name, body, corrupt)
  const section = bytes.subarray(0, body.length)
  // The lazy record keeps the section's bytes: when it is written back, unread objects are copied from them.
  const inMemory = {source: {size: section.length, read: (at: number, length: number) => section.subarray(at, at + length)}, offset: 0, length: section.length, goJson: body.goJson}
  const lazy = keyIndex && lazyRecord(inMemory, keyIndex, section, (text) => parseEntryText(name, text, corrupt))
  if (lazy) return Object.assign(lazy as Record<string, KubeObject>, body.appended)
  return Object.assign(parseJson(name, bytes, body.length, corrupt), body.appended)
}

/** Parses one object of a section. */
function parseEntryText(name: string, text: string, corrupt: (detail: string) => Error): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw corrupt(`section ${name} is not valid JSON`)
  }
}

/** Returns the bytes of a section with the newline after it (checked). */
function readSection(name: string, body: RawSection, corrupt: (detail: string) => Error): Buffer {
  // Each section ends with a newline: the one place a cut or shifted file shows without parsing it all.
  const bytes = body.source.read(body.offset, body.length + 1)
  if (bytes.length !== body.length + 1 || bytes[body.length] !== 10) throw corrupt(`section ${name} is cut short or has the wrong length`)
  return bytes
}

function parseSection(name: string, body: RawSection, corrupt: (detail: string) => Error): Record<string, never> {
  return parseJson(name, readSection(name, body, corrupt), body.length, corrupt)
}

/** Parses the first `length` bytes of a section: an object, or a list for the event keys. */
function parseJson(name: string, bytes: Buffer, length: number, corrupt: (detail: string) => Error): Record<string, never> {
  let value: unknown
  try {
    value = JSON.parse(bytes.toString('utf8', 0, length))
  } catch {
    throw corrupt(`section ${name} is not valid JSON`)
  }
  if (typeof value !== 'object' || value === null || (Array.isArray(value) !== (name === 'eventKeys'))) throw corrupt(`section ${name} is not ${name === 'eventKeys' ? 'a list' : 'an object'}`)
  return value as Record<string, never>
}

function parseIndex(body: RawSection, corrupt: (detail: string) => Error): EventIndex {
  const value = parseSection(EVENT_INDEX, body, corrupt) as unknown
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw corrupt(`section ${EVENT_INDEX} is not an object`)
  return value as EventIndex
}

/** Reads one object of an undecoded section from where the index says it is. */
function parseEntry(section: RawSection, at: number, length: number, corrupt: (detail: string) => Error): KubeObject {
  if (!Number.isSafeInteger(at) || !Number.isSafeInteger(length) || at < 0 || length < 0 || at + length > section.length) throw corrupt(`section ${EVENT_INDEX} points outside the events`)
  try {
    return JSON.parse(section.source.read(section.offset + at, length).toString('utf8')) as KubeObject
  } catch {
    throw corrupt(`section ${EVENT_INDEX} does not match the events`)
  }
}
