// Reads a manifest URL over HTTP(S) for `-f http(s)://…`, the way kubectl's URLVisitor does: a plain
// GET that follows redirects like Go's http.Client (at most 10 requests), accepts only status 200, and
// retries errors and 5xx answers (3 attempts, 1 s apart). On top of kubectl, kbe bounds the whole read
// with a timeout and a size cap enforced while streaming. Failures are thrown as UrlReadError carrying
// the text kubectl prints: `unable to read URL "<url>", server reported 404 Not Found, status code=404`,
// or for transport errors kubectl's checkErr wording (`The connection to the server <host> was refused -
// did you specify the right host or port?`, `Unable to connect to the server: dial tcp: lookup <host> on
// <dns>:53: no such host`). undici is imported lazily: loading it costs ~70 ms, and only URLs need it.

import {readFileSync} from 'node:fs'
import {setTimeout as sleep} from 'node:timers/promises'

import {CliError, RawError} from '../api/errors.js'

import {decodeText} from './manifest-decode.js'

/** Bounds on one URL read. */
export interface FetchLimits {
  /** Total time for all attempts, redirects and the body. */
  timeoutMs: number
  /** Largest body accepted, in bytes. */
  maxBytes: number
  /** Attempts for network errors and 5xx answers (kubectl: 3). */
  attempts: number
  /** Pause between attempts (kubectl: 1 s). */
  retryDelayMs: number
}

/** Reads a URL's body as text, or throws UrlReadError. */
export type FetchUrl = (url: string, limits: FetchLimits) => Promise<string>

/** A failed URL read: the error to show, and whether no HTTP answer came back at all (a network failure). */
export class UrlReadError extends Error {
  constructor(
    readonly userError: CliError | RawError,
    readonly networkFailure: boolean,
    readonly retryable = networkFailure,
  ) {
    super(userError.message)
    this.name = 'UrlReadError'
  }
}

const MAX_REDIRECTS = 10
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

// Go's http.StatusText, which Go prints for HTTP/2 answers (raw.githubusercontent.com speaks HTTP/2).
const GO_STATUS_TEXT: Record<number, string> = {
  300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
  305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout',
  409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed', 413: 'Request Entity Too Large',
  414: 'Request URI Too Long', 415: 'Unsupported Media Type', 416: 'Requested Range Not Satisfiable',
  417: 'Expectation Failed', 418: "I'm a teapot", 421: 'Misdirected Request', 422: 'Unprocessable Entity',
  423: 'Locked', 424: 'Failed Dependency', 425: 'Too Early', 426: 'Upgrade Required', 428: 'Precondition Required',
  429: 'Too Many Requests', 431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
  504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates',
  507: 'Insufficient Storage', 508: 'Loop Detected', 510: 'Not Extended', 511: 'Network Authentication Required',
}

/** Returns the text kubectl prints when a URL answers with a status other than 200. */
export function statusErrorText(url: string, statusCode: number): string {
  const text = GO_STATUS_TEXT[statusCode] ?? ''
  return `unable to read URL ${JSON.stringify(url)}, server reported ${statusCode} ${text}, status code=${statusCode}`
}

/** Returns the body of `url` as text (see the module header for the rules), or throws UrlReadError. */
export async function fetchUrlText(url: string, limits: FetchLimits): Promise<string> {
  const {Agent, request} = await import('undici')
  const agent = new Agent()
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs)
  const deadline = Date.now() + limits.timeoutMs
  let failure: UrlReadError | undefined
  try {
    for (let attempt = 0; attempt < Math.max(1, limits.attempts); attempt++) {
      if (failure) {
        if (Date.now() + limits.retryDelayMs >= deadline) break
        await sleep(limits.retryDelayMs, undefined, {signal: controller.signal}).catch(() => undefined)
      }
      const progress = {url, phase: 'headers' as 'headers' | 'body'}
      try {
        return await fetchOnce(request, agent, controller.signal, progress, limits.maxBytes)
      } catch (error) {
        failure = error instanceof UrlReadError ? error : transportError(error, progress, controller.signal.aborted)
        if (!failure.retryable || controller.signal.aborted) break
      }
    }
    throw failure!
  } finally {
    clearTimeout(timer)
    await agent.destroy().catch(() => undefined)
  }
}

type UndiciRequest = typeof import('undici').request
type UndiciAgent = InstanceType<typeof import('undici').Agent>

/** Performs one GET with manual redirects (Go's rules) and returns the decoded body. */
async function fetchOnce(
  request: UndiciRequest,
  agent: UndiciAgent,
  signal: AbortSignal,
  progress: {url: string; phase: 'headers' | 'body'},
  maxBytes: number,
): Promise<string> {
  const original = progress.url
  // Go's client gives up when the 10th response in a row is still a redirect.
  for (let requests = 1; ; requests++) {
    const response = await request(progress.url, {method: 'GET', dispatcher: agent, signal, headers: {'user-agent': 'kbe'}})
    const location = response.headers.location
    if (REDIRECT_STATUSES.has(response.statusCode) && typeof location === 'string') {
      await response.body.dump()
      if (requests >= MAX_REDIRECTS) {
        // An error from http.Get, so kubectl retries it, but the server did answer: no network failure.
        throw new UrlReadError(new RawError(`Unable to connect to the server: stopped after ${MAX_REDIRECTS} redirects`), false, true)
      }
      progress.url = new URL(location, progress.url).toString()
      continue
    }
    if (response.statusCode !== 200) {
      await response.body.dump()
      const serverError = response.statusCode >= 500 && response.statusCode < 600
      throw new UrlReadError(new CliError(statusErrorText(original, response.statusCode)), false, serverError)
    }
    progress.phase = 'body'
    return readBody(response, original, maxBytes)
  }
}

/** Returns the response body as text, aborting once it grows past `maxBytes`. */
async function readBody(response: Awaited<ReturnType<UndiciRequest>>, url: string, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new UrlReadError(new CliError(`unable to read URL ${JSON.stringify(url)}: the response is larger than ${formatBytes(maxBytes)}`), false)
  const declared = Number(response.headers['content-length'])
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.body.destroy()
    throw tooLarge()
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of response.body) {
    size += (chunk as Buffer).length
    if (size > maxBytes) {
      response.body.destroy()
      throw tooLarge()
    }
    chunks.push(chunk as Buffer)
  }
  return decodeText(Buffer.concat(chunks))
}

/** Returns the UrlReadError for a transport failure, worded like kubectl's checkErr. */
function transportError(error: unknown, progress: {url: string; phase: 'headers' | 'body'}, timedOut: boolean): UrlReadError {
  const network = (text: string) => new UrlReadError(new RawError(text), true)
  if (timedOut) {
    return progress.phase === 'headers'
      ? network('Unable to connect to the server: context deadline exceeded (Client.Timeout exceeded while awaiting headers)')
      : new UrlReadError(
          new CliError(`error parsing ${progress.url}: context deadline exceeded (Client.Timeout or context cancellation while reading body)`),
          true,
        )
  }
  const code = errorCode(error)
  const host = hostOf(progress.url)
  const hostname = host.replace(/:\d*$/, '')
  const address = /:\d+$/.test(host) ? host : `${host}:${progress.url.startsWith('https:') ? 443 : 80}`
  const dns = code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? resolverSuffix() : ''
  const goText: Record<string, string> = {
    ENOTFOUND: `dial tcp: lookup ${hostname}${dns}: no such host`,
    EAI_AGAIN: `dial tcp: lookup ${hostname}${dns}: server misbehaving`,
    ECONNRESET: 'read: connection reset by peer',
    UND_ERR_SOCKET: 'EOF',
    EHOSTUNREACH: `dial tcp ${address}: connect: no route to host`,
    ENETUNREACH: `dial tcp ${address}: connect: network is unreachable`,
    ETIMEDOUT: `dial tcp ${address}: i/o timeout`,
    UND_ERR_CONNECT_TIMEOUT: `dial tcp ${address}: i/o timeout`,
  }
  if (code === 'ECONNREFUSED') {
    return network(`The connection to the server ${host} was refused - did you specify the right host or port?`)
  }
  const message = error instanceof Error ? error.message : String(error)
  return network(`Unable to connect to the server: ${goText[code] ?? message}`)
}

/** Returns the error code of a Node/undici error, looking into `cause` and AggregateError members. */
function errorCode(error: unknown): string {
  const candidate = error as {code?: unknown; cause?: unknown; errors?: unknown[]}
  if (typeof candidate?.code === 'string' && candidate.code !== 'UND_ERR') return candidate.code
  if (candidate?.cause) return errorCode(candidate.cause)
  if (Array.isArray(candidate?.errors) && candidate.errors.length > 0) return errorCode(candidate.errors[0])
  return ''
}

/** Returns the host part of a URL as Go's url.URL.Host has it (explicit port kept, user info dropped). */
function hostOf(url: string): string {
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1] ?? ''
  return authority.slice(authority.lastIndexOf('@') + 1)
}

/** Returns ` on <nameserver>:53` as Go's resolver names the DNS server it asked, or '' if unknown. */
function resolverSuffix(): string {
  try {
    const server = /^\s*nameserver\s+(\S+)/m.exec(readFileSync('/etc/resolv.conf', 'utf8'))?.[1]
    if (!server) return ''
    return server.includes(':') ? ` on [${server}]:53` : ` on ${server}:53`
  } catch {
    return ''
  }
}

/** Returns a byte count as `5 MiB` when it is a whole number of MiB, else as bytes. */
function formatBytes(bytes: number): string {
  const mebibytes = bytes / (1024 * 1024)
  return Number.isInteger(mebibytes) ? `${mebibytes} MiB` : `${bytes} bytes`
}
