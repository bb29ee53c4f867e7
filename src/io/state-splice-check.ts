// The safety net under spliced state files, on when KBE_CHECK_SPLICE=1 (the test suite sets it): each save
// splices every decoded section it can (whether or not it pays) and also encodes the state in full, and
// the save fails, before anything is written, unless the two files hold the same: byte for byte, or else
// the same objects per section (entry order aside) with key indexes that point at them. A splice copies
// an entry whose resourceVersion did not move, so this catches any code path that changes a stored object
// in place without a store write — which the controllers' watches would miss as well.

import {isDeepStrictEqual} from 'node:util'
import {joinChunks, type StateChunk} from './state-chunks.js'
import {encodeState} from './state-sections.js'
import type {SpliceMode} from './state-splice.js'
import type {ClusterState} from '../cluster/state.js'

/** Returns how saves splice: 'always' under the check (so every splice is checked), else 'auto'. */
export function spliceMode(env: NodeJS.ProcessEnv = process.env): SpliceMode {
  return spliceChecked(env) ? 'always' : 'auto'
}

/** Returns whether saves are checked against a full encoding. */
export function spliceChecked(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.KBE_CHECK_SPLICE === '1'
}

/** Throws when the `written` encoding of `state` holds other objects than its full encoding does. */
export function checkSplice(state: ClusterState, written: StateChunk[]): void {
  const spliced = joinChunks(written)
  const full = joinChunks(encodeState(state, 'never'))
  if (spliced.equals(full)) return
  const difference = firstDifference(sectionsOf(spliced), sectionsOf(full))
  if (difference) throw new Error(`kbe: KBE_CHECK_SPLICE: the spliced state file differs from a full encoding: ${difference}`)
}

interface DecodedFile {
  header: Record<string, unknown>
  sections: Map<string, Buffer>
}

/** Splits an encoded file into its header (without the section lengths) and its sections by name. */
function sectionsOf(file: Buffer): DecodedFile {
  const end = file.indexOf(10)
  const {sections: list, ...header} = JSON.parse(file.toString('utf8', 0, end)) as {sections: [string, number][]}
  const sections = new Map<string, Buffer>()
  let at = end + 1
  for (const [name, length] of list) {
    sections.set(name, file.subarray(at, at + length))
    at += length + 1
  }
  return {header: {...header, names: list.map(([name]) => name)}, sections}
}

/**
 * Returns what differs between a spliced and a full file beyond entry order, or undefined. A full encoding
 * stores every section as Go JSON; a spliced one may copy older text, but a section it says is Go JSON
 * must hold the very bytes of the full encoding for each object.
 */
function firstDifference(spliced: DecodedFile, full: DecodedFile): string | undefined {
  const {goJson: splicedGoJson = [], ...splicedHeader} = spliced.header as {goJson?: string[]}
  const {goJson: fullGoJson = [], ...fullHeader} = full.header as {goJson?: string[]}
  if (!isDeepStrictEqual(splicedHeader, fullHeader)) return 'the headers differ'
  for (const [name, bytes] of full.sections) {
    const mine = spliced.sections.get(name) as Buffer
    if (mine.equals(bytes)) continue
    const difference = name.startsWith('objects/') ? objectsDifference(mine, bytes)
      : name.startsWith('index/objects/') ? indexDifference(mine, spliced.sections.get(name.slice('index/'.length)) as Buffer)
        : name.startsWith('index/digest/') ? objectsDifference(mine, bytes) // digests copied for unread objects must be theirs
          : 'the bytes differ'
    if (difference) return `section ${name}: ${difference}`
  }
  for (const resource of splicedGoJson) {
    if (!fullGoJson.includes(resource)) return `the section of ${resource} is said to be Go JSON only when spliced`
    const difference = goJsonDifference(spliced, full, resource)
    if (difference) return `section objects/${resource}: ${difference}`
  }
  return undefined
}

/** Returns the first key whose object differs between two object sections (or is only in one), and where. */
function objectsDifference(spliced: Buffer, full: Buffer): string | undefined {
  const mine = JSON.parse(spliced.toString('utf8')) as Record<string, unknown>
  const theirs = JSON.parse(full.toString('utf8')) as Record<string, unknown>
  for (const key of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
    const path = differingPath(mine[key], theirs[key])
    if (path === undefined) continue
    const at = (value: unknown) => brief(path.reduce((v, p) => (v as Record<string, unknown> | undefined)?.[p], value))
    return `${key}${path.map((p) => `.${p}`).join('')} is ${at(mine[key])} spliced, ${at(theirs[key])} in full`
  }
  return undefined
}

/** Returns the path to the first field where two JSON values differ ([] for the values themselves), or undefined. */
function differingPath(a: unknown, b: unknown): string[] | undefined {
  if (isDeepStrictEqual(a, b)) return undefined
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return []
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  for (const field of new Set([...Object.keys(left), ...Object.keys(right)])) {
    const below = differingPath(left[field], right[field])
    if (below) return [field, ...below]
  }
  return []
}

function brief(value: unknown): string {
  const text = value === undefined ? 'absent' : JSON.stringify(value)
  return text.length > 120 ? `${text.slice(0, 117)}...` : text
}

/** Returns how a key index fails to point at each object of its section, or undefined when it does. */
function indexDifference(index: Buffer, section: Buffer): string | undefined {
  const places = JSON.parse(index.toString('utf8')) as Record<string, [number, number]>
  const record = JSON.parse(section.toString('utf8')) as Record<string, unknown>
  if (Object.keys(places).length !== Object.keys(record).length) return 'the index has another number of keys than the section'
  for (const [key, [at, length]] of Object.entries(places)) {
    if (!isDeepStrictEqual(parsedOrUndefined(section.toString('utf8', at, at + length)), record[key])) return `the index does not point at ${key}`
  }
  return undefined
}

/** Returns the first key whose entry is not the same bytes in the two files' sections of `resource`. */
function goJsonDifference(spliced: DecodedFile, full: DecodedFile, resource: string): string | undefined {
  const entries = (file: DecodedFile) => {
    const section = file.sections.get(`objects/${resource}`) as Buffer
    const places = JSON.parse((file.sections.get(`index/objects/${resource}`) as Buffer).toString('utf8')) as Record<string, [number, number]>
    return new Map(Object.entries(places).map(([key, [at, length]]) => [key, section.subarray(at, at + length)]))
  }
  const mine = entries(spliced)
  for (const [key, bytes] of entries(full)) if (!mine.get(key)?.equals(bytes)) return `${key} is not stored as its Go JSON`
  return undefined
}

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
