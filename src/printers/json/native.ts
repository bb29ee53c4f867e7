// The fast route to Go's encoding/json text: a copy of the value whose objects list their keys in Go's
// map order (UTF-8 byte order; objects already in that order and unchanged below are reused, not copied)
// is handed to the engine's JSON.stringify, and the few places where its text differs from Go's are
// patched afterwards (`<` `>` `&` U+2028 U+2029 escaped as `\u003c`…, an escaped lone surrogate turned
// into `\ufffd`). Values this route cannot reproduce exactly — non-JSON types, sparse arrays, non-finite
// numbers, a `__proto__` key, integer-like keys that JavaScript would enumerate first — make it answer
// undefined, and the caller uses the reference printer (reference.ts) instead, which is the spec.
import {compareCodePoints} from './reference.js'

/** Thrown inside the ordering walk when the value needs the reference printer. */
class NeedsReference extends Error {}

/**
 * Returns `value` as Go's json.Marshal (no `depth`) or json.MarshalIndent with 4-space steps writes it,
 * laid out as if it were nested `depth` levels deep (continuation lines indented by 4×depth spaces, the
 * first line not), or undefined when only the reference printer can print it exactly.
 */
export function nativeGoJson(value: unknown, depth?: number): string | undefined {
  let text = stringifyInGoOrder(value, depth, false)
  // Keys were ordered by UTF-16 units, which is Go's order unless a key holds a surrogate; this text
  // can only have such a key if it has a surrogate (raw, or escaped when lone) somewhere.
  if (text !== undefined && (SURROGATE.test(text) || text.includes('\\ud'))) text = stringifyInGoOrder(value, depth, true)
  return text === undefined ? undefined : patchGoEscapes(text)
}

const SURROGATE = /[\ud800-\udfff]/

function stringifyInGoOrder(value: unknown, depth: number | undefined, exact: boolean): string | undefined {
  let ordered: unknown
  try {
    ordered = inGoOrder(value, exact)
  } catch (err) {
    if (err instanceof NeedsReference) return undefined
    throw err
  }
  if (depth === undefined) return JSON.stringify(ordered)
  if (depth === 0) return JSON.stringify(ordered, null, 4)
  // JSON.stringify always starts at column 0: nest the value in `depth` one-element arrays and cut the
  // brackets off again, so its lines come out indented for where it goes.
  let nested = ordered
  for (let i = 0; i < depth; i++) nested = [nested]
  const text = JSON.stringify(nested, null, 4)
  const head = 2 * depth * (depth + 2) // Σ_{i=1..depth} of "[\n" and 4i spaces
  const tail = 2 * depth * depth // Σ_{i=0..depth-1} of "\n", 4i spaces and "]"
  return text.slice(head, text.length - tail)
}

/** Returns the value with every object's defined keys in Go order (`exact`: by code point, else by UTF-16 unit). */
function inGoOrder(value: unknown, exact: boolean): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value
    case 'number':
      if (Number.isFinite(value)) return value // JSON.stringify and Go agree, -0 included ("0")
      break
    case 'object':
      if (value === null) return value
      return Array.isArray(value) ? arrayInGoOrder(value, exact) : objectInGoOrder(value, exact)
  }
  throw new NeedsReference()
}

function arrayInGoOrder(items: unknown[], exact: boolean): unknown[] {
  let copy: unknown[] | undefined
  for (let i = 0; i < items.length; i++) {
    const item = items[i]
    if (item === undefined) {
      if (!(i in items)) throw new NeedsReference() // a hole: the reference decides what that prints as
      continue // JSON.stringify writes null, as Go does for a nil interface
    }
    const ordered = inGoOrder(item, exact)
    if (ordered !== item) {
      copy ??= items.slice()
      copy[i] = ordered
    }
  }
  return copy ?? items
}

function objectInGoOrder(object: object, exact: boolean): object {
  const proto: unknown = Object.getPrototypeOf(object)
  if (proto !== Object.prototype && proto !== null) throw new NeedsReference()
  const fields = object as Record<string, unknown>
  let inOrder = true
  let previous: string | undefined
  for (const key in fields) {
    if (previous !== undefined && !keyLess(previous, key, exact)) {
      inOrder = false
      break
    }
    previous = key
  }
  if (inOrder) {
    // Reuse the object unless something below had to change; then copy in the same (correct) order.
    let copy: Record<string, unknown> | undefined
    for (const key in fields) {
      const field = fields[key]
      if (field === undefined) continue // JSON.stringify leaves it out, as the reference does
      const ordered = inGoOrder(field, exact)
      if (copy !== undefined) setField(copy, key, ordered)
      else if (ordered !== field) {
        copy = {}
        for (const earlier in fields) {
          if (earlier === key) break
          if (fields[earlier] !== undefined) setField(copy, earlier, fields[earlier])
        }
        setField(copy, key, ordered)
      }
    }
    return copy ?? object
  }
  const keys = Object.keys(fields)
  sortKeys(keys, exact)
  const copy: Record<string, unknown> = {}
  let integerLike = false
  for (const key of keys) {
    const field = fields[key]
    if (field === undefined) continue
    setField(copy, key, inGoOrder(field, exact))
    if (isDigit(key.charCodeAt(0))) integerLike = true
  }
  // JavaScript enumerates array-index keys first, in numeric order, whatever the insertion order.
  if (integerLike && !sameOrder(copy, keys, fields)) throw new NeedsReference()
  return copy
}

function setField(copy: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') throw new NeedsReference() // an assignment would set the prototype
  copy[key] = value
}

const isDigit = (unit: number) => unit >= 0x30 && unit <= 0x39

/** Returns whether the copy enumerates its keys in the order of `keys` (skipping undefined fields). */
function sameOrder(copy: object, keys: string[], fields: Record<string, unknown>): boolean {
  let i = 0
  for (const key in copy) {
    while (fields[keys[i]] === undefined) i++
    if (keys[i] !== key) return false
    i++
  }
  return true
}

function keyLess(a: string, b: string, exact: boolean): boolean {
  return exact ? compareCodePoints(a, b) < 0 : a < b
}

/** Sorts keys in place: insertion sort for the small objects that make up most of a tree. */
function sortKeys(keys: string[], exact: boolean): void {
  if (keys.length > 24) {
    keys.sort(exact ? compareCodePoints : undefined) // the default sort compares UTF-16 units
    return
  }
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]
    let j = i - 1
    for (; j >= 0 && keyLess(key, keys[j], exact); j--) keys[j + 1] = keys[j]
    keys[j + 1] = key
  }
}

const GO_HTML_ESCAPES: Record<string, string> = {'<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029'}

/**
 * Rewrites JSON.stringify's text into encoding/json's: the HTML-significant characters and the two
 * JavaScript line separators (which can only occur inside strings) get `\u` escapes, and the `\udxxx`
 * escape JSON.stringify writes for a lone surrogate becomes `\ufffd` (Go replaces invalid UTF-8). A run
 * of backslashes before `udxxx` is an escape only when it is odd: `\\udxxx` is a backslash and text.
 * Everything else already agrees: `\"`, `\\`, `\b\f\n\r\t`, other control characters as lowercase `\u00xx`.
 */
function patchGoEscapes(text: string): string {
  if (text.includes('\\ud')) {
    text = text.replace(/(\\+)ud[89a-f][0-9a-f]{2}/g, (escape, slashes: string) => (slashes.length % 2 === 1 ? `${slashes}ufffd` : escape))
  }
  if (text.includes('<') || text.includes('>') || text.includes('&') || text.includes('\u2028') || text.includes('\u2029')) {
    text = text.replace(/[<>&\u2028\u2029]/g, (ch) => GO_HTML_ESCAPES[ch])
  }
  return text
}
