// The `-o json` printer: what kubectl's JSONPrinter prints, i.e. Go's `json.MarshalIndent(obj, "", "    ")`
// of an unstructured object plus a newline, and the compact `json.Marshal` jsonpath prints maps with. The
// rules (keys sorted by UTF-8 bytes at every level, HTML-safe string escaping, Go's number text) are
// spelled out in json/reference.ts; this module owns the List wrapper and the layout of big outputs: the
// top two levels are written here piece by piece, so a List of 10,000 items comes out as a stream of
// pieces, each item serialized on its own when its turn comes through the native route (json/native.ts) or, when that route
// declines, through the reference; an item the state file already holds as compact Go JSON (GoJsonText)
// is only indented (json/indent.ts). Picking the printer is resolve.ts's job.
import {GoJsonText, indentGoJson} from './json/indent.js'
import {nativeGoJson} from './json/native.js'
import {compareCodePoints, marshalCompactReference, marshalIndentedReference, quoteGoString} from './json/reference.js'

export {compareCodePoints, formatGoJsonNumber, quoteGoString, sortedEntries} from './json/reference.js'
export {GoJsonText} from './json/indent.js'

/** The `kind: List` envelope kubectl prints around list results of `-o json|yaml`. */
export interface ListWrapper {
  apiVersion: 'v1'
  items: unknown[]
  kind: 'List'
  metadata: {resourceVersion: ''}
}

/** Returns the List wrapper kubectl puts around several objects (items keep their own apiVersion/kind). */
export function listWrapper(items: unknown[]): ListWrapper {
  return {apiVersion: 'v1', items, kind: 'List', metadata: {resourceVersion: ''}}
}

/** Returns `value` as kubectl `-o json` prints it: 4-space indent, sorted keys, trailing newline. */
export function printJson(value: unknown): string {
  return printJsonChunks(value).join('')
}

/** Returns the text of printJson in pieces (one or a few per List item), to be written out in order. */
export function printJsonChunks(value: unknown): string[] {
  const out: string[] = []
  writeJson(value, (piece) => out.push(piece))
  return out
}

/** Hands the text of printJson to `sink` in pieces, each made when the previous one has been taken. */
export function writeJson(value: unknown, sink: (piece: string) => void): void {
  writeIndented(value, 0, sink)
  sink('\n')
}

/** Returns `value` as compact Go JSON (sorted keys, Go escaping), as jsonpath prints maps and lists. */
export function marshalCompact(value: unknown): string {
  return nativeGoJson(value) ?? marshalCompactReference(value)
}

/** Objects and arrays this shallow are laid out here; deeper values are serialized whole. */
const SPLIT_DEPTH = 2

const INDENTS = ['', '    ', '        ']

/** Appends the MarshalIndent text of `value` nested `depth` levels deep (its first line not indented). */
function writeIndented(value: unknown, depth: number, out: (piece: string) => void): void {
  if (value instanceof GoJsonText) return out(indentGoJson(value.bytes, depth))
  if (depth < SPLIT_DEPTH && typeof value === 'object' && value !== null) {
    if (Array.isArray(value) && value.length > 0 && !hasHoles(value)) return writeArray(value, depth, out)
    const proto: unknown = Object.getPrototypeOf(value)
    if (proto === Object.prototype || proto === null) return writeObject(value as Record<string, unknown>, depth, out)
  }
  out(nativeGoJson(value, depth) ?? marshalIndentedReference(value, INDENTS[depth]))
}

function writeArray(items: unknown[], depth: number, out: (piece: string) => void): void {
  const inner = INDENTS[depth + 1]
  out('[\n')
  for (let i = 0; i < items.length; i++) {
    out(inner)
    writeIndented(items[i] ?? null, depth + 1, out)
    out(i < items.length - 1 ? ',\n' : `\n${INDENTS[depth]}]`)
  }
}

function writeObject(fields: Record<string, unknown>, depth: number, out: (piece: string) => void): void {
  const keys = Object.keys(fields).filter((k) => fields[k] !== undefined).sort(compareCodePoints)
  if (keys.length === 0) {
    out('{}')
    return
  }
  const inner = INDENTS[depth + 1]
  out('{\n')
  for (let i = 0; i < keys.length; i++) {
    out(`${inner}${quoteGoString(keys[i])}: `)
    writeIndented(fields[keys[i]], depth + 1, out)
    out(i < keys.length - 1 ? ',\n' : `\n${INDENTS[depth]}}`)
  }
}

/** Returns whether the array has holes (the reference's map/join prints those as empty lines). */
function hasHoles(items: unknown[]): boolean {
  for (let i = 0; i < items.length; i++) if (items[i] === undefined && !(i in items)) return true
  return false
}
