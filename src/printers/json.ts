// The `-o json` printer: what kubectl's JSONPrinter prints, i.e. Go's `json.MarshalIndent(obj, "", "    ")`
// of an unstructured object plus a newline. Objects are Go maps there, so keys come out sorted (by UTF-8
// bytes) at every level; strings use encoding/json's escaping (HTML-safe `<`, `>`, `&`, U+2028/U+2029);
// numbers print as Go prints the int64/float64 that the JSON decoder produced. This module owns only the
// serialization and the List wrapper; picking the printer is resolve.ts's job.

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
  return `${marshalIndented(value, '')}\n`
}

/** Returns `value` as compact Go JSON (sorted keys, Go escaping), as jsonpath prints maps and lists. */
export function marshalCompact(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => marshalCompact(v ?? null)).join(',')}]`
  if (isPlainObject(value)) {
    return `{${sortedEntries(value).map(([k, v]) => `${quoteGoString(k)}:${marshalCompact(v)}`).join(',')}}`
  }
  return marshalScalar(value)
}

function marshalIndented(value: unknown, indent: string): string {
  const inner = `${indent}    `
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    const items = value.map((v) => inner + marshalIndented(v ?? null, inner))
    return `[\n${items.join(',\n')}\n${indent}]`
  }
  if (isPlainObject(value)) {
    const entries = sortedEntries(value)
    if (entries.length === 0) return '{}'
    const fields = entries.map(([k, v]) => `${inner}${quoteGoString(k)}: ${marshalIndented(v, inner)}`)
    return `{\n${fields.join(',\n')}\n${indent}}`
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

/** Compares two strings by code point, which is the UTF-8 byte order Go's string comparison uses. */
export function compareCodePoints(a: string, b: string): number {
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
