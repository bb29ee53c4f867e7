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
    if (err instanceof JsonPathSyntaxError) throw new CliError(`error parsing jsonpath ${source}, ${err.message}`)
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
        `\ttemplate was:\n\t\t${template.source}\n\tobject given to jsonpath engine was:\n\t\t${formatGoSyntax(data)}\n\n`,
    )
  }
  return results.map((values) => (asJson ? printJson(values) : values.map(formatResult).join(' '))).join('')
}

function formatResult(value: unknown): string {
  if (typeof value === 'object' && value !== null) return marshalCompact(value)
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

/** Returns `s` quoted as Go's %q / strconv.Quote does for printable text. */
function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u007f/g, '\\x7f')
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
