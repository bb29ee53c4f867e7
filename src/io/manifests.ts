// Reads the manifests named by `-f` (files, directories, globs, `-` for stdin, http(s) URLs) into API
// objects, with kubectl's error texts. It is the IO edge of create/apply/delete -f: argument expansion
// (manifest-paths.ts), fetching (http.ts; undici loads only for URLs), tutorial fallbacks (tutorial-urls.ts)
// and decoding (manifest-decode.ts) meet here. kubectl visits sources in order and keeps going after an
// error in one of them (ContinueOnError), acting on every object it could read and printing the errors
// at the end; readManifestItems returns exactly that sequence, readManifests the simple all-or-error view.
// Tutorial spec URLs are served from fixtures/kbe-specs when offline is forced, and when the network
// fails (no HTTP answer at all) with a one-line note; a 404 or any other URL never falls back.

import {readFileSync} from 'node:fs'

import {CliError, RawError} from '../api/errors.js'
import {fetchUrlText, UrlReadError, type FetchLimits, type FetchUrl} from './http.js'
import {decodeManifestStream, decodeText} from './manifest-decode.js'
import {describeFsError, expandFilenames, type ManifestInput} from './manifest-paths.js'
import {readBundledSpec, resolveTutorialUrl, type TutorialSpec} from './tutorial-urls.js'

/** One object read from a manifest, with the source kubectl names in messages (path, URL or `STDIN`). */
export interface ManifestDocument {
  source: string
  object: Record<string, unknown>
}

/** How to read manifests; the caller (src/cli) supplies stdin, the note sink and the fixtures folder. */
export interface ReadOptions {
  readStdin: () => Promise<string>
  /** Serve tutorial URLs from the bundled copies and never touch the network. */
  offline: boolean
  /** Total time per URL (default 10 s). */
  timeoutMs?: number
  /** Largest URL body accepted (default 5 MiB). */
  maxBytes?: number
  /** Receives one-line notes for stderr, e.g. that a bundled copy was used. */
  note: (line: string) => void
  /** Absolute path of the project's fixtures/ folder. */
  fixturesDir: string
  /** kubectl's -R: also read subdirectories. */
  recursive?: boolean
  /** Attempts per non-tutorial URL for network errors and 5xx answers (default 3, as kubectl). */
  httpAttempts?: number
  /** Pause between attempts (default 1000 ms, as kubectl). */
  retryDelayMs?: number
  /** Replaces the HTTP client (tests); must throw http.ts's UrlReadError on failure. */
  fetchUrl?: FetchUrl
}

/** An error kubectl prints while reading manifests: CliError gets `error: ` in front, RawError is verbatim. */
export type ManifestError = CliError | RawError

/** One entry of kubectl's visiting order: an object to act on, or an error to report at the end. */
export type ManifestItem = {document: ManifestDocument} | {error: ManifestError}

const DEFAULT_TIMEOUT_MS = 10_000
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024

/**
 * Returns every object and error of the named manifests in kubectl's visiting order. Throws before
 * reading anything when an argument is unusable (missing path, bad glob, stdin twice, bad URL), as
 * kubectl does.
 */
export async function readManifestItems(filenames: string[], options: ReadOptions): Promise<ManifestItem[]> {
  const {inputs, errors} = expandFilenames(filenames, options.recursive ?? false)
  if (errors.length > 0) throw aggregateErrors(errors.map((message) => new CliError(message)))
  const items: ManifestItem[] = []
  const noted = new Set<string>()
  for (const input of inputs) {
    const read = await readInput(input, options, noted)
    if ('error' in read) {
      items.push(read)
      continue
    }
    for (const decoded of decodeManifestStream(read.text, read.source)) {
      if ('error' in decoded) items.push({error: new CliError(decoded.error)})
      else items.push({document: {source: read.source, object: decoded.object}})
    }
  }
  return items
}

/**
 * Returns all objects of the named manifests, or throws what kubectl would print if any source failed
 * (use readManifestItems to act on the objects read before an error, as kubectl does).
 */
export async function readManifests(filenames: string[], options: ReadOptions): Promise<ManifestDocument[]> {
  const items = await readManifestItems(filenames, options)
  const errors = items.flatMap((item) => ('error' in item ? [item.error] : []))
  if (errors.length > 0) throw aggregateErrors(errors)
  return items.flatMap((item) => ('document' in item ? [item.document] : []))
}

/**
 * Returns the error kubectl prints for several errors: one alone keeps its form (`error: ` added for a
 * CliError), several become one line each with no prefix (cmdutil.MultipleErrors).
 */
export function aggregateErrors(errors: ManifestError[]): ManifestError {
  if (errors.length === 1) return errors[0]
  return new RawError(errors.map((error) => error.message).join('\n'))
}

/** Returns kubectl's error when the manifests held no object, e.g. verb `create` or `apply`. */
export function noObjectsPassed(verb: string): CliError {
  return new CliError(`no objects passed to ${verb}`)
}

type ReadResult = {text: string; source: string} | {error: ManifestError}

/** Returns the text of one source, or the error reading it. */
async function readInput(input: ManifestInput, options: ReadOptions, noted: Set<string>): Promise<ReadResult> {
  if (input.kind === 'stdin') return {text: await options.readStdin(), source: 'STDIN'}
  if (input.kind === 'url') return readUrl(input.url, options, noted)
  try {
    return {text: decodeText(readFileSync(input.path)), source: input.path}
  } catch (error) {
    return {error: new CliError(describeFsError(error))}
  }
}

/** Returns a URL's text: fetched, or for tutorial URLs from the bundle when offline or unreachable. */
async function readUrl(url: string, options: ReadOptions, noted: Set<string>): Promise<ReadResult> {
  const spec = resolveTutorialUrl(url)
  if (options.offline) return readOffline(url, spec, options.fixturesDir)
  const limits: FetchLimits = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    // A tutorial URL has a bundled copy to fall back to, so waiting for retries gains nothing.
    attempts: spec ? 1 : (options.httpAttempts ?? 3),
    retryDelayMs: options.retryDelayMs ?? 1000,
  }
  try {
    return {text: await (options.fetchUrl ?? fetchUrlText)(spec?.rawUrl ?? url, limits), source: url}
  } catch (error) {
    if (!(error instanceof UrlReadError)) throw error
    const bundled = spec && error.networkFailure ? readBundledSpec(options.fixturesDir, spec) : undefined
    if (bundled === undefined) return {error: error.userError}
    if (!noted.has(url)) options.note(`note: ${url} is unreachable; using kbe's bundled copy of the tutorial's spec`)
    noted.add(url)
    return {text: bundled, source: url}
  }
}

/** Returns a URL's text without the network: tutorial specs from the bundle, anything else an error. */
function readOffline(url: string, spec: TutorialSpec | undefined, fixturesDir: string): ReadResult {
  const quoted = JSON.stringify(url)
  if (!spec) return {error: new CliError(`unable to read URL ${quoted}: kbe is offline and serves only the tutorial's spec URLs`)}
  const text = readBundledSpec(fixturesDir, spec)
  // raw.githubusercontent.com answers 404 for a file the repository never had.
  if (text === undefined) return {error: new CliError(`unable to read URL ${quoted}, server reported 404 Not Found, status code=404`)}
  return {text, source: url}
}
