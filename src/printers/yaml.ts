// The `-o yaml` printer: what kubectl's YAMLPrinter prints (sigs.k8s.io/yaml → go-yaml v2's emitter) for
// an object or a List wrapper. This module walks the value the way go-yaml's encoder emits events —
// block mappings with sorted keys, block sequences not indented under their key, `{}`/`[]` for empty
// collections, scalars in the style their text needs — and leaves text layout to yaml/writer.ts and
// quoting decisions to yaml/scalar.ts. Only plain JSON-shaped values (objects, arrays, strings, numbers,
// booleans, null) are accepted; fields set to undefined are skipped as JSON would. The decisions for a
// string (read-back text, style, whether a key is simple) are taken once per document and reused, as
// the items of a big List repeat most of their strings; the text comes back in chunks.
import {CliError} from '../api/errors.js'
import {compareYamlKeys} from './yaml/key-order.js'
import {analyzeScalar, formatYamlNumber, requestedStringStyle, selectScalarStyle, type ScalarStyle} from './yaml/scalar.js'
import {BEST_INDENT, unbrokenScalar, YamlWriter, type UnbrokenScalar} from './yaml/writer.js'

/** go-yaml writes a key longer than this (in UTF-8 bytes) as an explicit `? key` entry. */
const MAX_SIMPLE_KEY_BYTES = 128

/** Returns `value` as kubectl `-o yaml` prints it (one document, ending with a newline). */
export function printYaml(value: unknown): string {
  return printYamlChunks(value).join('')
}

/** Returns the text of printYaml in pieces of a few hundred kilobytes, to be written out in order. */
export function printYamlChunks(value: unknown): string[] {
  const w = new YamlWriter()
  emitDocument(w, value)
  return w.chunks()
}

/**
 * Returns printYaml's text as a stream: `writeTo` hands it to the sink in chunks as they are made. The
 * one error kubectl can meet (a control character go-yaml refuses) is looked for now, so it is thrown
 * before anything is written, as kubectl prints nothing then.
 */
export function yamlStream(value: unknown): {writeTo(sink: (piece: string) => void): void} {
  checkReadable(value)
  return {
    writeTo(sink) {
      const w = new YamlWriter(sink)
      emitDocument(w, value)
      w.end()
    },
  }
}

function emitDocument(w: YamlWriter, value: unknown): void {
  new DocumentEmitter(w).node(value ?? null, false)
  w.writeIndent() // document end: finish the last line
}

/** Throws readBackString's error if any string or key in the value has a character go-yaml refuses. */
function checkReadable(value: unknown): void {
  if (typeof value === 'string') {
    if (YAML_FORBIDDEN.test(value)) readBackString(value)
    return
  }
  if (typeof value !== 'object' || value === null) return
  if (Array.isArray(value)) {
    for (const item of value) checkReadable(item)
    return
  }
  const map = value as Record<string, unknown>
  for (const field of Object.keys(map)) {
    if (map[field] === undefined) continue
    if (YAML_FORBIDDEN.test(field)) readBackString(field)
    checkReadable(map[field])
  }
}

/** How a scalar is written: its text (read back, for strings) and the style the emitter settles on. */
interface ScalarPlan {
  text: string
  style: ScalarStyle
  /** The scalar ready to write, when it has nothing to fold or escape. */
  unbroken?: UnbrokenScalar
}

/** How a map key is written: as `key:` (simple, in `style`; `unbroken` includes the `:`) or as an explicit `? key` entry. */
interface KeyPlan extends ScalarPlan {
  simple: boolean
}

/** Strings repeat a lot across the items of a list; this many decisions of each kind are remembered. */
const MAX_PLANS = 65536

/** Emits one YAML document, remembering the scalar decisions already taken for a string. */
class DocumentEmitter {
  private readonly valuePlans = new Map<string, ScalarPlan>()
  private readonly keyPlans = new Map<string, KeyPlan>()

  constructor(readonly w: YamlWriter) {}

  /** Writes any value; `mapping` says it is the value of a block mapping entry. */
  node(value: unknown, mapping: boolean): void {
    if (Array.isArray(value)) this.sequence(value, mapping)
    else if (typeof value === 'object' && value !== null) this.mapping(value as Record<string, unknown>)
    else if (typeof value !== 'string') this.scalar(otherScalarPlan(value), false)
    else {
      const plan = this.valuePlan(value)
      if (plan.unbroken) this.w.writeUnbroken(plan.unbroken)
      else this.scalar(plan, false)
    }
  }

  private sequence(items: unknown[], mapping: boolean): void {
    const w = this.w
    if (items.length === 0) return emitEmptyFlow(w, '[', ']')
    const saved = w.indent
    // A sequence that is a mapping value, started on the key's line, stays at the key's indentation.
    const indentless = mapping && !w.indention
    w.indent = saved < 0 ? 0 : indentless ? saved : saved + BEST_INDENT
    for (const item of items) {
      w.writeIndent()
      w.writeIndicator('-', true, false, true)
      this.node(item ?? null, false)
    }
    w.indent = saved
  }

  private mapping(map: Record<string, unknown>): void {
    const w = this.w
    const fields: string[] = []
    const plans: KeyPlan[] = []
    for (const field of Object.keys(map)) {
      if (map[field] === undefined) continue
      fields.push(field)
      plans.push(this.keyPlan(field))
    }
    if (fields.length === 0) return emitEmptyFlow(w, '{', '}')
    const order = sortedByKey(plans)
    const saved = w.indent
    w.indent = saved < 0 ? 0 : saved + BEST_INDENT
    for (const i of order) {
      w.writeIndent()
      const plan = plans[i]
      if (plan.unbroken) w.writeUnbroken(plan.unbroken) // the key and its `:`
      else if (plan.simple) {
        this.scalar(plan, true)
        w.writeIndicator(':', false, false, false)
      } else {
        w.writeIndicator('?', true, false, true)
        this.scalar(plan, false)
        w.writeIndent()
        w.writeIndicator(':', true, false, true)
      }
      this.node(map[fields[i]], true)
    }
    w.indent = saved
  }

  /** Writes a scalar at one indentation step deeper (where its folded continuation lines go). */
  private scalar({text, style}: ScalarPlan, simpleKey: boolean): void {
    const w = this.w
    const saved = w.indent
    w.indent = saved < 0 ? BEST_INDENT : saved + BEST_INDENT
    const allowBreaks = !simpleKey
    if (style === 'plain') w.writePlain(text, allowBreaks)
    else if (style === 'single') w.writeSingleQuoted(text, allowBreaks)
    else if (style === 'double') w.writeDoubleQuoted(text, allowBreaks)
    else w.writeLiteral(text)
    w.indent = saved
  }

  private valuePlan(value: string): ScalarPlan {
    let plan = this.valuePlans.get(value)
    if (plan === undefined) {
      const text = readBackString(value)
      const style = selectScalarStyle(requestedStringStyle(text), analyzeScalar(text), false, text === '')
      plan = {text, style, unbroken: unbrokenScalar(text, style)}
      if (this.valuePlans.size < MAX_PLANS) this.valuePlans.set(value, plan)
    }
    return plan
  }

  /** Returns the plan for a field name; its text is the key as read back, which the key order uses. */
  private keyPlan(field: string): KeyPlan {
    let plan = this.keyPlans.get(field)
    if (plan === undefined) {
      const key = readBackString(field)
      const analysis = analyzeScalar(key)
      const simple = !analysis.multiline && isShortKey(key)
      // A simple key is written as a simple-key scalar; a long one as an ordinary scalar after `? `.
      const style = selectScalarStyle(requestedStringStyle(key), analysis, simple, key === '')
      plan = {text: key, simple, style, unbroken: simple ? unbrokenScalar(key, style, ':') : undefined}
      if (this.keyPlans.size < MAX_PLANS) this.keyPlans.set(field, plan)
    }
    return plan
  }
}

/** Writes an empty collection in flow style, as go-yaml does for `{}` and `[]`. */
function emitEmptyFlow(w: YamlWriter, open: string, close: string): void {
  w.writeIndicator(open, true, true, false)
  w.writeIndicator(close, false, false, false)
}

/** Returns the positions of the keys in go-yaml's order of their read-back text (stable). */
function sortedByKey(keys: KeyPlan[]): number[] {
  const order = keys.map((_, i) => i)
  // Array.prototype.sort, not a hand-written one: the order is not transitive for some odd keys, and
  // then the algorithm decides; this is the one kbe has always used.
  return order.sort((a, b) => compareYamlKeys(keys[a].text, keys[b].text))
}

/** Returns whether the key fits go-yaml's simple-key length (at most 128 UTF-8 bytes). */
function isShortKey(key: string): boolean {
  return key.length * 3 <= MAX_SIMPLE_KEY_BYTES || utf8Length(key) <= MAX_SIMPLE_KEY_BYTES // ≤ 3 bytes per UTF-16 unit
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

/** Returns the plan of a null, boolean or number (plain text, as the analysis allows). */
function otherScalarPlan(value: unknown): ScalarPlan {
  let text: string
  if (value === null || value === undefined) text = 'null'
  else if (typeof value === 'boolean') text = value ? 'true' : 'false'
  else if (typeof value === 'number') text = formatYamlNumber(value)
  else throw new TypeError(`cannot marshal ${typeof value} as YAML`)
  return {text, style: selectScalarStyle('plain', analyzeScalar(text), false, false)}
}
