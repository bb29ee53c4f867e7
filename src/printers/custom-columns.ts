// The `-o custom-columns=HEADER:path,…` printer (cli-runtime's CustomColumnsPrinter): headers exactly as
// given, one row per object, each cell the jsonpath results printed with Go's `%v` and joined by `,`
// (`<none>` when there are none), laid out by kubectl get's tabwriter. Paths may be written `.a.b`,
// `a.b`, `{.a.b}` or `{a.b}`. Pure text; resolve.ts decides when it applies.
import {CliError} from '../api/errors.js'
import {formatTabbed, GET_TABWRITER} from '../util/tabwriter.js'
import {findResults, JsonPathExecError} from './jsonpath/evaluate.js'
import {formatGoValue, parseTemplate, type JsonPathTemplate} from './jsonpath/print.js'

/** One column: its header and its parsed `{.path}` template. */
export interface CustomColumn {
  header: string
  template: JsonPathTemplate
}

const RELAXED_PATH = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/

/** Returns the `{.path}` template for a relaxed path (`.a.b`, `a.b`, `{a.b}`, `{.a.b}`). */
export function relaxedJsonPathExpression(path: string): string {
  if (path === '') return path
  const m = RELAXED_PATH.exec(path)
  if (!m) {
    throw new CliError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'")
  }
  return `{.${m[1] ?? m[2]}}`
}

/** Returns the columns of a spec, or throws kubectl's error for a part without `:`. */
export function parseCustomColumnsSpec(spec: string): CustomColumn[] {
  if (spec === '') throw new CliError('custom-columns format specified but no custom columns given')
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':')
    if (colon < 0) throw new CliError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`)
    return {header: part.slice(0, colon), template: parseTemplate(relaxedJsonPathExpression(part.slice(colon + 1)))}
  })
}

/** Returns the table for the objects (header line first unless `noHeaders`). */
export function printCustomColumns(columns: CustomColumn[], objects: readonly object[], options: {noHeaders?: boolean} = {}): string {
  const lines = objects.map((obj) => columns.map((column) => cellText(column, obj)).join('\t'))
  if (!options.noHeaders) lines.unshift(columns.map((c) => c.header).join('\t'))
  return lines.length === 0 ? '' : formatTabbed(`${lines.join('\n')}\n`, GET_TABWRITER)
}

function cellText(column: CustomColumn, obj: object): string {
  let results: unknown[][]
  try {
    results = findResults(column.template.root, obj)
  } catch (err) {
    if (err instanceof JsonPathExecError) throw new CliError(err.message)
    throw err
  }
  if (results.length === 0 || results[0].length === 0) return '<none>'
  return results.flatMap((values) => values.map(formatGoValue)).join(',')
}
