// `-o` dispatch, shaped like kubectl's PrintFlags: each printer family looks at the output format and
// either claims it (returning a printer) or declines; when none claims it, the error is kubectl's
// "unable to match a printer suitable for the output format" with the full list of formats. The human
// table (`-o wide` or no -o) is not printed here: the caller gets a marker and uses the table engine.
// Printers take the objects plus whether a single object was asked for (kubectl prints a lone named
// object bare and anything list-like inside a `kind: List` wrapper); json and yaml return a TextStream,
// which the command output writes out piece by piece as it is made.
import {CliError} from '../api/errors.js'
import {parseCustomColumnsSpec, printCustomColumns} from './custom-columns.js'
import {listWrapper, writeJson} from './json.js'
import {parseTemplate, printJsonPath} from './jsonpath/print.js'
import {printName} from './name.js'
import {yamlStream} from './yaml.js'

/** How the command gathered the objects, which decides between a bare object and a List. */
export interface PrintOptions {
  /** True when the command named exactly one object (`get pod x`, `get pod/x`); false for lists. */
  singleItemImplied?: boolean
  /** The operation word a mutating command appends for `-o name` (`created`, `scaled`, …). */
  operation?: string
  /** Leave out the header line (custom-columns). */
  noHeaders?: boolean
}

/**
 * Text made when it is written: `writeTo` hands its pieces to `sink` in order, so a List of 10,000 items
 * is never held whole. It prints the objects as they are when it is written; whatever can fail (yaml's
 * control characters) has been checked when it was made.
 */
export interface TextStream {
  writeTo(sink: (piece: string) => void): void
}

/** A printer's output: the text, or for the big ones (json, yaml) a TextStream. */
export type PrintedText = string | TextStream

/** A resolved non-table printer: objects in, complete output text out. */
export type OutputPrinter = (objects: readonly object[], options?: PrintOptions) => PrintedText

/** Returns the printed text as one string (a stream is written out now). */
export function printedString(text: PrintedText): string {
  if (typeof text === 'string') return text
  const pieces: string[] = []
  text.writeTo((piece) => pieces.push(piece))
  return pieces.join('')
}

/** What resolvePrinter returns: either the human table (the caller's engine) or a text printer. */
export type ResolvedPrinter = {family: 'table'; wide: boolean} | {family: 'output'; format: string; print: OutputPrinter}

/** The formats kubectl lists in its "allowed formats" error, in its order. */
export const ALLOWED_FORMATS = [
  'custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath',
  'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml',
]

/** The object or the List wrapper, as kubectl hands it to the json/yaml/jsonpath printers. */
export function printTarget(objects: readonly object[], options: PrintOptions = {}): unknown {
  return options.singleItemImplied && objects.length === 1 ? objects[0] : listWrapper([...objects])
}

/** A printer family: claims the whole `-o` value (returning a printer) or declines (undefined). */
type Family = (output: string) => OutputPrinter | undefined

/** Splits `<format>=<argument>` for the formats that take an argument (`jsonpath=…`, `custom-columns=…`). */
function splitTemplateFormat(output: string, formats: string[]): [string, string] | undefined {
  for (const format of formats) {
    if (output === format) return [format, '']
    if (output.startsWith(`${format}=`)) return [format, output.slice(format.length + 1)]
  }
  return undefined
}

/** json and yaml (JSONYamlPrintFlags). */
const jsonYamlFamily: Family = (output) => {
  output = output.toLowerCase() // kubectl accepts -o JSON / -o Yaml (but not JSONPATH=… or WIDE)
  if (output === 'json') {
    return (objects, options) => {
      const target = printTarget(objects, options)
      return {writeTo: (sink) => writeJson(target, sink)}
    }
  }
  if (output === 'yaml') return (objects, options) => yamlStream(printTarget(objects, options))
  return undefined
}

/** name (NamePrintFlags). */
const nameFamily: Family = (output) =>
  output.toLowerCase() === 'name' ? (objects, options) => printName(objects, {operation: options?.operation}) : undefined

/** jsonpath=… and jsonpath-as-json=… (JSONPathPrintFlags; jsonpath-file needs a file, which kbe's printers never read). */
const jsonPathFamily: Family = (output) => {
  const split = splitTemplateFormat(output, ['jsonpath-as-json', 'jsonpath'])
  if (!split) return undefined
  if (!split[1]) throw new CliError('template format specified but no template given')
  const template = parseTemplate(split[1])
  const asJson = split[0] === 'jsonpath-as-json'
  return (objects, options) => printJsonPath(template, printTarget(objects, options), asJson)
}

/** custom-columns=… (CustomColumnsPrintFlags). */
const customColumnsFamily: Family = (output) => {
  const split = splitTemplateFormat(output, ['custom-columns'])
  if (!split) return undefined
  const columns = parseCustomColumnsSpec(split[1])
  return (objects, options) => printCustomColumns(columns, objects, {noHeaders: options?.noHeaders})
}

const FAMILIES: Family[] = [jsonYamlFamily, nameFamily, jsonPathFamily, customColumnsFamily]

/**
 * Returns the printer for an `-o` value (`''`, `wide`, `json`, `yaml`, `name`, `jsonpath=…`,
 * `jsonpath-as-json=…`, `custom-columns=…`), or throws kubectl's CliError when no family claims it.
 */
export function resolvePrinter(output: string): ResolvedPrinter {
  if (output === '' || output === 'wide') return {family: 'table', wide: output === 'wide'}
  for (const family of FAMILIES) {
    const print = family(output)
    if (print) return {family: 'output', format: output, print}
  }
  throw new CliError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED_FORMATS.join(',')}`)
}
