// Output side of kubectl's `-o jsonpath=` / `-o jsonpath-as-json=` (cli-runtime's JSONPathPrinter over
// client-go's PrintResults): the results of one template node are joined by single spaces; maps and
// lists print as compact Go JSON, other values as Go's fmt prints them (`<nil>` for null); no newline
// is added. With -as-json each node's results print as one indented JSON array. Errors are worded as
// kubectl words them. Also exports Go's `%v` formatting, which custom-columns cells use.
import {CliError} from '../../api/errors.js'
import {compareCodePoints, marshalCompact, printJson} from '../json.js'
import {formatGoFloatG} from '../yaml/scalar.js'
import {findResults, JsonPathExecError} from './evaluate.js'
import {parseJsonPath, JsonPathSyntaxError, type ListNode} from './parse.js'

/** A parsed template plus its source text (kubectl quotes the source in errors). */
export interface JsonPathTemplate {
  source: string
  root: ListNode
}

/** Returns the parsed template, or throws kubectl's `error parsing jsonpath …` CliError. */
export function parseTemplate(source: string): JsonPathTemplate {
  try {
    return {source, root: parseJsonPath(source)}
  } catch (err) {
    // kubectl's message ends with a newline of its own; checkErr adds none then.
    if (err instanceof JsonPathSyntaxError) throw new CliError(`error parsing jsonpath ${source}, ${err.message}\n`)
    throw err
  }
}

/** Returns the template's output for `data` (an object or the List wrapper), as kubectl prints it. */
export function printJsonPath(template: JsonPathTemplate, data: unknown, asJson = false): string {
  let results: unknown[][]
  try {
    results = findResults(template.root, data)
  } catch (err) {
    if (!(err instanceof JsonPathExecError)) throw err
    throw new CliError(
      `error executing jsonpath ${goQuote(template.source)}: Error executing template: ${err.message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${template.source}\n\tobject given to jsonpath engine was:\n\t\t${formatGoSyntax(data)}\n\n\n`,
    )
  }
  return results.map((values) => (asJson ? printJson(values) : values.map(formatResult).join(' '))).join('')
}

/** Returns one result as client-go prints it: maps and lists as compact JSON, null as `null`. */
function formatResult(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'object') return marshalCompact(value)
  return formatGoValue(value)
}

/** Returns a value as Go's `fmt.Sprint` prints decoded JSON: `<nil>`, `1.5`, `map[a:b]`, `[x y]`. */
export function formatGoValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>'
  if (typeof value === 'number') return formatGoNumber(value)
  if (Array.isArray(value)) return `[${value.map(formatGoValue).join(' ')}]`
  if (typeof value === 'object') {
    const map = value as Record<string, unknown>
    const keys = Object.keys(map).filter((k) => map[k] !== undefined).sort(compareCodePoints)
    return `map[${keys.map((k) => `${k}:${formatGoValue(map[k])}`).join(' ')}]`
  }
  return String(value)
}

/** Returns a number as Go prints an int64 (integral values in range) or a float64 (`%v` = `%g`). */
function formatGoNumber(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 2 ** 63 ? String(Object.is(n, -0) ? 0 : n) : formatGoFloatG(n)
}

const GO_QUOTE_ESCAPES: Record<string, string> = {'\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '"': '\\"', '\\': '\\\\'}

/** Returns `s` quoted as Go's %q (strconv.Quote) does: printable runes raw, others escaped. */
function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    if (GO_QUOTE_ESCAPES[ch]) out += GO_QUOTE_ESCAPES[ch]
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd'
    else if (ch !== ' ' && !/[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch)) out += cp > 0xffff ? `\\U${cp.toString(16).padStart(8, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`
    else out += ch
  }
  return `${out}"`
}

/** Returns a value in Go's `%#v` syntax for map[string]interface{} trees (kubectl's debug dump). */
function formatGoSyntax(value: unknown): string {
  if (value === null || value === undefined) return 'interface {}(nil)'
  if (typeof value === 'string') return goQuote(value)
  if (typeof value === 'number') return formatGoNumber(value)
  if (typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return `[]interface {}{${value.map(formatGoSyntax).join(', ')}}`
  const map = value as Record<string, unknown>
  const keys = Object.keys(map).filter((k) => map[k] !== undefined).sort(compareCodePoints)
  return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${formatGoSyntax(map[k])}`).join(', ')}}`
}
