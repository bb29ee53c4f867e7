// The plain, value-by-value rendering of Go's encoding/json that `-o json` and jsonpath must match:
// `json.MarshalIndent(obj, "", "    ")` and `json.Marshal` of an unstructured object, where objects are Go
// maps (keys sorted by UTF-8 bytes at every level), strings get encoding/json's HTML-safe escaping
// (`<`, `>`, `&`, U+2028/U+2029; a lone surrogate is invalid UTF-8 to Go and becomes U+FFFD) and numbers
// print as Go prints the int64/float64 the JSON decoder produced. It is the specification of the fast
// printer in ../json.ts, which falls back to it for values it cannot hand to the native serializer, and
// the oracle the property tests compare that printer against. Also the Go string/number/key-order
// primitives the jsonpath printer shares.

/** Returns `value` as `json.MarshalIndent(value, indent, "    ")` writes it (no trailing newline). */
export function marshalIndentedReference(value: unknown, indent = ''): string {
  const inner = `${indent}    `
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    const items = value.map((v) => inner + marshalIndentedReference(v ?? null, inner))
    return `[\n${items.join(',\n')}\n${indent}]`
  }
  if (isPlainObject(value)) {
    const entries = sortedEntries(value)
    if (entries.length === 0) return '{}'
    const fields = entries.map(([k, v]) => `${inner}${quoteGoString(k)}: ${marshalIndentedReference(v, inner)}`)
    return `{\n${fields.join(',\n')}\n${indent}}`
  }
  return marshalScalar(value)
}

/** Returns `value` as compact Go JSON (`json.Marshal`: sorted keys, Go escaping). */
export function marshalCompactReference(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => marshalCompactReference(v ?? null)).join(',')}]`
  if (isPlainObject(value)) {
    return `{${sortedEntries(value).map(([k, v]) => `${quoteGoString(k)}:${marshalCompactReference(v)}`).join(',')}}`
  }
  return marshalScalar(value)
}

function marshalScalar(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return quoteGoString(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') return formatGoJsonNumber(value)
  throw new TypeError(`cannot marshal ${typeof value} as JSON`)
}

/**
 * Returns the number as encoding/json prints a float64/int64: plain digits below 1e21, exponent form
 * (`1e+21`, `1e-7`) outside [1e-6, 1e21). JavaScript's shortest round-trip formatting agrees with Go's
 * there; `-0` decodes as the integer 0 in kubectl's unstructured decoder.
 */
export function formatGoJsonNumber(n: number): string {
  if (!Number.isFinite(n)) throw new TypeError(`json: unsupported value: ${n}`)
  return Object.is(n, -0) ? '0' : String(n)
}

/** Returns the object's own defined fields, sorted as Go sorts map keys (UTF-8 byte order). */
export function sortedEntries(value: object): [string, unknown][] {
  return Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => compareCodePoints(a, b))
}

/**
 * Compares two strings by code point, which is the UTF-8 byte order Go's string comparison uses (a lone
 * surrogate counts as its own code unit value). Returns a negative number, zero or a positive number.
 * Up to the first differing UTF-16 unit both strings decode alike, so when neither of those two units is
 * a surrogate (the usual case) they decide; otherwise the strings are compared code point by code point.
 * A string that is a prefix of the other sorts first (a high surrogate cut off from its pair still
 * compares below the pair's code point).
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x === y) continue
    return isSurrogate(x) || isSurrogate(y) ? compareByCodePoint(a, b) : x - y
  }
  return a.length - b.length // one is a prefix of the other: the shorter sorts first either way
}

const isSurrogate = (unit: number) => (unit & 0xf800) === 0xd800

function compareByCodePoint(a: string, b: string): number {
  const ac = Array.from(a)
  const bc = Array.from(b)
  for (let i = 0; i < ac.length && i < bc.length; i++) {
    const d = ac[i].codePointAt(0)! - bc[i].codePointAt(0)!
    if (d !== 0) return d
  }
  return ac.length - bc.length
}

const SHORT_ESCAPES: Record<string, string> = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f'}

/** Returns `s` as a Go JSON string literal (HTML-safe escaping, as encoding/json does by default). */
export function quoteGoString(s: string): string {
  let out = '"'
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    if (SHORT_ESCAPES[ch] !== undefined) out += SHORT_ESCAPES[ch]
    else if (cp < 0x20 || ch === '<' || ch === '>' || ch === '&' || cp === 0x2028 || cp === 0x2029) out += `\\u${cp.toString(16).padStart(4, '0')}`
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd' // a lone surrogate is invalid UTF-8 to Go
    else out += ch
  }
  return `${out}"`
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
