// Decodes the text of one manifest source (a file, a URL's body or stdin) into API objects, the way
// kubectl's StreamVisitor does: a stream whose first non-blank character is `{` is read as concatenated
// JSON values, anything else as YAML documents split at `---` lines (each parsed on its own, so error
// line numbers restart at every document). Empty and `null` documents are skipped, every document is
// checked for apiVersion/kind like kubectl's client-side validation, and lists (`kind: List`, or any
// object with an `items` array) are expanded into their items. A parse or validation error stops the
// source, keeping the objects read before it (kubectl has acted on those by then); an object whose
// metadata has the wrong types is reported in its place and reading goes on. Pure; reads nothing.

import yaml from 'js-yaml'

import {decodeJsonStream} from './json-stream.js'
import {aggregateMessages, checkListMeta, validateObjectKind} from './manifest-checks.js'
import {explainYamlDocument, formatYamlProblem, type JsYamlMark} from './yaml-errors.js'
import {findInvalidMapKey} from './yaml-keys.js'
import {KUBECTL_YAML_SCHEMA} from './yaml-schema.js'

/** One object read from a source, or an error (text without `error: `) met while reading it. */
export type DecodedItem = {object: Record<string, unknown>} | {error: string}

type StreamItem = {value: unknown} | {error: string}

const STOP_VALIDATE_MESSAGE = 'if you choose to ignore these errors, turn validation off with --validate=false'

/**
 * Returns the objects in `text`, read from `source` (the name kubectl prints: path, URL or `STDIN`), in
 * order. A parse or validation error ends the stream and is the last item; an object whose metadata does
 * not decode becomes an error item in its place and reading goes on, as in kubectl.
 */
export function decodeManifestStream(text: string, source: string): DecodedItem[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  const stream: Iterable<StreamItem> = /^\s*\{/.test(body) ? decodeJsonStream(body) : decodeYamlStream(body)
  const items: DecodedItem[] = []
  for (const item of stream) {
    if ('error' in item) return [...items, {error: `error parsing ${source}: ${item.error}`}]
    if (item.value === null || item.value === undefined) continue
    const problems = validateObjectKind(item.value)
    if (problems.length > 0) {
      const detail = `error validating data: ${aggregateMessages(problems)}; ${STOP_VALIDATE_MESSAGE}`
      return [...items, {error: `error validating ${JSON.stringify(source)}: ${detail}`}]
    }
    const object = item.value as Record<string, unknown>
    const undecodable = checkListMeta(object)
    if (undecodable) items.push({error: `unable to decode ${JSON.stringify(source)}: ${undecodable}`})
    else items.push(...flattenList(object).map((flat) => ({object: flat})))
  }
  return items
}

/** Returns bytes as text: UTF-16 when a UTF-16 byte order mark says so (kubectl's BOM override), else UTF-8. */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2))).swap16().toString('utf16le')
  }
  return bytes.toString('utf8')
}

/** Yields each YAML document's value, or the error that ends the stream (apimachinery's YAMLReader). */
function* decodeYamlStream(text: string): Generator<StreamItem> {
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  let buffer: string[] = []
  for (const raw of lines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim()
      // Only blanks or a comment may follow a separator; the document being read is lost with it.
      if (rest !== '' && !rest.startsWith('#')) {
        yield {error: `invalid Yaml document separator: ${rest}`}
        return
      }
      if (buffer.length > 0) {
        yield decodeYamlDocument(`${buffer.join('\n')}\n`)
        buffer = []
        continue
      }
      // A separator that starts a document stays in it, so go-yaml's line numbers count it.
    }
    buffer.push(line)
  }
  if (buffer.length > 0) yield decodeYamlDocument(`${buffer.join('\n')}\n`)
}

/** Returns one YAML document's value as sigs.k8s.io/yaml would convert it to JSON, or go-yaml's error. */
function decodeYamlDocument(document: string): StreamItem {
  let value: unknown
  let jsError: JsYamlMark | undefined
  try {
    value = loadFirstDocument(document)
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error
    jsError = {reason: error.reason, line: error.mark.line, column: error.mark.column, position: error.mark.position}
  }
  const verdict = explainYamlDocument(document, jsError)
  if (verdict && 'problem' in verdict) {
    return {error: `error converting YAML to JSON: ${formatYamlProblem(verdict.problem)}`}
  }
  if (verdict && jsError) {
    // go-yaml reads only the root node when what follows it cannot continue the document.
    const lineStart = document
      .split('\n')
      .slice(0, jsError.line)
      .reduce((offset, line) => offset + line.length + 1, 0)
    try {
      value = loadFirstDocument(document.slice(0, Math.min(lineStart, jsError.position)))
    } catch {
      return {error: `error converting YAML to JSON: yaml: line ${jsError.line}: did not find expected key`}
    }
  }
  const invalidKey = findInvalidMapKey(document, value, loadFirstDocument)
  if (invalidKey) return {error: `error converting YAML to JSON: ${invalidKey}`}
  const unsupported = findNonFinite(value)
  if (unsupported !== undefined) return {error: `error converting YAML to JSON: json: unsupported value: ${unsupported}`}
  return {value}
}

/** Returns the first document of a YAML text with kubectl's scalar rules (duplicate keys: last wins). */
function loadFirstDocument(document: string): unknown {
  return yaml.loadAll(document, undefined, {schema: KUBECTL_YAML_SCHEMA, json: true})[0]
}

/** Returns Go's spelling (`+Inf`, `-Inf`, `NaN`) of the first non-finite number in a value, if any. */
function findNonFinite(value: unknown): string | undefined {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf'
  }
  if (value === null || typeof value !== 'object') return undefined
  for (const child of Object.values(value)) {
    const found = findNonFinite(child)
    if (found !== undefined) return found
  }
  return undefined
}

/** Returns a list's items (recursively), or the object itself (cli-runtime's FlattenListVisitor). */
function flattenList(object: Record<string, unknown>): Array<Record<string, unknown>> {
  if (!Array.isArray(object.items)) return [object]
  return object.items
    .filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object' && !Array.isArray(item))
    .flatMap((item) => flattenList(item))
}
