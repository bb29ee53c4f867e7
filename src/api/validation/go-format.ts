// Go value formatting for apiserver error texts: strconv.Quote for strings (`%q`) and the `%#v`
// Go-syntax forms the v1.32 field errors use for maps, slices and structs
// (`map[string]string{"app":"x"}`, `[]string{"a", "b"}`, `core.ServicePort{Name:"", Port:80}`).
// Pure string building; callers decide which Go type a value had.

/** A value already rendered in Go syntax; printed verbatim by field errors. */
export class GoLiteral {
  constructor(readonly text: string) {}
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\', '"': '\\"',
}

// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const NON_PRINTABLE = /[\p{C}\p{Z}]/u

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0')
}

function escapeRune(ch: string): string {
  const simple = SIMPLE_ESCAPES[ch]
  if (simple) return simple
  const cp = ch.codePointAt(0) ?? 0
  if (ch === ' ' || !NON_PRINTABLE.test(ch)) return ch
  if (cp < 0x20 || cp === 0x7f) return `\\x${hex(cp, 2)}`
  return cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`
}

/** Returns `s` quoted like Go's strconv.Quote (also `%q` and `%#v` of a string). */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) out += escapeRune(ch)
  return `${out}"`
}

/** Returns `%#v` of a map[string]string: keys sorted, `map[string]string(nil)` for a missing map. */
export function goStringMap(m: Record<string, string> | undefined | null, typeName = 'map[string]string'): GoLiteral {
  if (m === undefined || m === null) return new GoLiteral(`${typeName}(nil)`)
  const entries = Object.keys(m).sort().map((k) => `${goQuote(k)}:${goQuote(m[k])}`)
  return new GoLiteral(`${typeName}{${entries.join(', ')}}`)
}

/** Returns `%#v` of a []string (or a named string slice type): `[]string{"a", "b"}`, `[]string(nil)`. */
export function goStringSlice(items: readonly string[] | undefined | null, typeName = '[]string'): GoLiteral {
  if (items === undefined || items === null) return new GoLiteral(`${typeName}(nil)`)
  return new GoLiteral(`${typeName}{${items.map(goQuote).join(', ')}}`)
}

/** One struct field for goStruct: a string is quoted, a number printed bare, a GoLiteral verbatim. */
export type GoFieldValue = string | number | boolean | GoLiteral

/** Returns `%#v` of a struct: `pkg.Type{Field:value, Other:value}`. */
export function goStruct(typeName: string, fields: ReadonlyArray<[string, GoFieldValue]>): GoLiteral {
  const parts = fields.map(([name, v]) => `${name}:${v instanceof GoLiteral ? v.text : typeof v === 'string' ? goQuote(v) : String(v)}`)
  return new GoLiteral(`${typeName}{${parts.join(', ')}}`)
}
