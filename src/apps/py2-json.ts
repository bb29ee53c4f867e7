// Python 2's `json.dumps` as tornado 4.3's `json_encode` calls it, for the flat objects
// simpleservice returns: keys in CPython 2.7 dict order (the order the dict literal's keys end up
// in), `", "` and `": "` separators, ASCII-only output (`ensure_ascii`: every character outside
// space..tilde becomes `\uXXXX`, with the short escapes for \" \\ \n \r \t \b \f), and tornado's
// extra `</` → `<\/`.
import {py2KeyOrder} from './py2-dict.js'

export type JsonScalar = string | boolean

const SHORT_ESCAPES: Record<string, string> = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f'}

/** Returns a string as Python 2's json encodes it with ensure_ascii (per UTF-16 unit, so astral characters become surrogate pairs). */
export function py2JsonString(text: string): string {
  let out = '"'
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    const code = text.charCodeAt(i)
    if (SHORT_ESCAPES[ch] !== undefined) out += SHORT_ESCAPES[ch]
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`
    else out += ch
  }
  return `${out}"`
}

function scalar(value: JsonScalar): string {
  return typeof value === 'boolean' ? (value ? 'true' : 'false') : py2JsonString(value)
}

/** Returns `json.dumps` of a dict literal whose keys were written in `entries` order. */
export function py2JsonDumps(entries: ReadonlyArray<readonly [string, JsonScalar]>): string {
  const values = new Map(entries)
  const keys = py2KeyOrder(entries.map(([key]) => key))
  return `{${keys.map((key) => `${py2JsonString(key)}: ${scalar(values.get(key) as JsonScalar)}`).join(', ')}}`
}

/** Returns tornado.escape.json_encode of a dict literal: json.dumps with `</` escaped. */
export function tornadoJsonEncode(entries: ReadonlyArray<readonly [string, JsonScalar]>): string {
  return py2JsonDumps(entries).replace(/<\//g, '<\\/')
}
