// The `-o yaml` printer: what kubectl's YAMLPrinter prints (sigs.k8s.io/yaml → go-yaml v2's emitter) for
// an object or a List wrapper. This module walks the value the way go-yaml's encoder emits events —
// block mappings with sorted keys, block sequences not indented under their key, `{}`/`[]` for empty
// collections, scalars in the style their text needs — and leaves text layout to yaml/writer.ts and
// quoting decisions to yaml/scalar.ts. Only plain JSON-shaped values (objects, arrays, strings, numbers,
// booleans, null) are accepted; fields set to undefined are skipped as JSON would.
import {CliError} from '../api/errors.js'
import {compareYamlKeys} from './yaml/key-order.js'
import {analyzeScalar, formatYamlNumber, requestedStringStyle, selectScalarStyle, type ScalarStyle} from './yaml/scalar.js'
import {BEST_INDENT, YamlWriter} from './yaml/writer.js'

/** go-yaml writes a key longer than this (in UTF-8 bytes) as an explicit `? key` entry. */
const MAX_SIMPLE_KEY_BYTES = 128

interface NodeContext {
  /** The node is a value (or key) of a block mapping. */
  mapping: boolean
  /** The node is a simple (implicit) mapping key. */
  simpleKey: boolean
}

/** Returns `value` as kubectl `-o yaml` prints it (one document, ending with a newline). */
export function printYaml(value: unknown): string {
  const w = new YamlWriter()
  emitNode(w, value ?? null, {mapping: false, simpleKey: false})
  w.writeIndent() // document end: finish the last line
  return w.text()
}

function emitNode(w: YamlWriter, value: unknown, ctx: NodeContext): void {
  if (Array.isArray(value)) emitSequence(w, value, ctx)
  else if (typeof value === 'object' && value !== null) emitMapping(w, value as Record<string, unknown>)
  else emitScalar(w, value, ctx.simpleKey)
}

/** Writes an empty collection in flow style, as go-yaml does for `{}` and `[]`. */
function emitEmptyFlow(w: YamlWriter, open: string, close: string): void {
  w.writeIndicator(open, true, true, false)
  w.writeIndicator(close, false, false, false)
}

function emitSequence(w: YamlWriter, items: unknown[], ctx: NodeContext): void {
  if (items.length === 0) return emitEmptyFlow(w, '[', ']')
  const saved = w.indent
  // A sequence that is a mapping value, started on the key's line, stays at the key's indentation.
  const indentless = ctx.mapping && !w.indention
  w.indent = saved < 0 ? 0 : indentless ? saved : saved + BEST_INDENT
  for (const item of items) {
    w.writeIndent()
    w.writeIndicator('-', true, false, true)
    emitNode(w, item ?? null, {mapping: false, simpleKey: false})
  }
  w.indent = saved
}

function emitMapping(w: YamlWriter, map: Record<string, unknown>): void {
  const keys = Object.keys(map).filter((k) => map[k] !== undefined)
  const sorted = keys.map((k) => [readBackString(k), k] as const).sort(([a], [b]) => compareYamlKeys(a, b))
  if (sorted.length === 0) return emitEmptyFlow(w, '{', '}')
  const saved = w.indent
  w.indent = saved < 0 ? 0 : saved + BEST_INDENT
  for (const [key, field] of sorted) {
    w.writeIndent()
    if (isSimpleKey(key)) {
      emitScalar(w, key, true)
      w.writeIndicator(':', false, false, false)
    } else {
      w.writeIndicator('?', true, false, true)
      emitScalar(w, key, false)
      w.writeIndent()
      w.writeIndicator(':', true, false, true)
    }
    emitNode(w, map[field], {mapping: true, simpleKey: false})
  }
  w.indent = saved
}

/** Returns whether go-yaml can write the key as `key:` (single line, at most 128 bytes). */
function isSimpleKey(key: string): boolean {
  return !analyzeScalar(key).multiline && utf8Length(key) <= MAX_SIMPLE_KEY_BYTES
}

/** Code points go-yaml's reader rejects; encoding/json leaves them raw, so kubectl -o yaml fails on them. */
const YAML_FORBIDDEN = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/

/**
 * Returns a string as go-yaml reads it back from the JSON text sigs.k8s.io/yaml hands it: encoding/json
 * escapes every line break except NEL (U+0085), which the YAML scanner folds like a line break inside a
 * double-quoted scalar (one NEL and the spaces around it → a space; n NELs → n-1 newlines).
 */
function readBackString(s: string): string {
  if (YAML_FORBIDDEN.test(s)) throw new CliError('yaml: control characters are not allowed')
  if (!s.includes('\u0085')) return s
  return s.replace(/ *\u0085[ \u0085]*/g, (run) => {
    const breaks = run.split('\u0085').length - 1
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1)
  })
}

function utf8Length(s: string): number {
  let n = 0
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
  }
  return n
}

/** Writes a scalar at one indentation step deeper (where its folded continuation lines go). */
function emitScalar(w: YamlWriter, value: unknown, simpleKey: boolean): void {
  const [text, requested] = scalarText(value)
  const style = selectScalarStyle(requested, analyzeScalar(text), simpleKey, text === '')
  const saved = w.indent
  w.indent = saved < 0 ? BEST_INDENT : saved + BEST_INDENT
  const allowBreaks = !simpleKey
  if (style === 'plain') w.writePlain(text, allowBreaks)
  else if (style === 'single') w.writeSingleQuoted(text, allowBreaks)
  else if (style === 'double') w.writeDoubleQuoted(text, allowBreaks)
  else w.writeLiteral(text)
  w.indent = saved
}

/** Returns a scalar's text and the style go-yaml's encoder asks for. */
function scalarText(value: unknown): [string, ScalarStyle] {
  if (value === null || value === undefined) return ['null', 'plain']
  if (typeof value === 'boolean') return [value ? 'true' : 'false', 'plain']
  if (typeof value === 'number') return [formatYamlNumber(value), 'plain']
  if (typeof value === 'string') {
    const text = readBackString(value)
    return [text, requestedStringStyle(text)]
  }
  throw new TypeError(`cannot marshal ${typeof value} as YAML`)
}
