// kbe's curl: one pure function from the command-line arguments and an injected network to what
// curl 7.88.1 (Debian bookworm) would print and exit with. Outcomes and their exact texts, checked
// against the real binary on 127.0.0.1 (closed ports, a DROP/REJECT rule in a private network
// namespace, a slow local server): success (body as is, no newline added), refused and host
// unreachable (exit 7, `Failed to connect to H port P after N ms: Couldn't connect to server`),
// unanswered connects and -m limits (exit 28: `Connection timed out after N milliseconds`,
// `Operation timed out after N milliseconds with 0 bytes received`, or the kernel's own SYN timeout),
// unknown names (exit 6, `Could not resolve host: H`). The trace of the connection, if the
// network made one, is passed back for `--trace`.
import type {HttpResponse} from '../../apps/types.js'
import {byteLength, headerValue, responseHead} from '../../apps/http.js'
import type {Trace} from '../trace/types.js'
import {parseCurlArgs, type CurlOptions} from './args.js'
import type {MeterSample} from './meter.js'
import {SYN_TIMEOUT_MS, UNREACHABLE_AFTER_MS, type CurlConnection, type CurlNetwork} from './network.js'
import {buildCurlRequest, verboseRequest} from './request.js'
import {Transcript, type CurlOutput} from './transcript.js'
import {parseCurlUrl, type CurlUrl} from './url.js'

export interface CurlRunOptions {
  /** Whether curl's stdout is a terminal (default true, as in the tutorial's `[cluster] $ curl` and `exec -t`). */
  stdoutIsTTY?: boolean
}

export interface CurlResult extends CurlOutput {
  /** The path of the connection's first packet, when the network traced one. */
  trace?: Trace
  /** The application's response, when one arrived. */
  response?: HttpResponse
}

/** Time a local request/response exchange takes on top of the application's own delay. */
export const EXCHANGE_MS = 1

const COULDNT_CONNECT = "Couldn't connect to server"
const ERRNO_TEXT = {refused: 'Connection refused', unreachable: 'No route to host', 'no-answer': 'Connection timed out'} as const

interface Target {
  url: CurlUrl
  ip: string
}

/** Returns what `curl ARGS` prints and exits with, over the given network. */
export function runCurl(args: readonly string[], network: CurlNetwork, run: CurlRunOptions = {}): CurlResult {
  const parsed = parseCurlArgs(args)
  if ('error' in parsed) return {stdout: '', stderr: parsed.error.stderr, exitCode: parsed.error.exitCode, elapsedMs: 0}
  const options = parsed.options
  const out = new Transcript(options, run.stdoutIsTTY ?? true)
  const url = parseCurlUrl(options.url)
  if ('error' in url) return out.fail(url.error.exitCode, url.error.message, 0)
  out.start()
  const resolved = network.resolve(url.url.host)
  if ('error' in resolved) {
    out.verbose(`* Could not resolve host: ${url.url.host}\n* Closing connection 0\n`)
    return out.fail(6, `Could not resolve host: ${url.url.host}`, 0)
  }
  const target = {url: url.url, ip: resolved.ip}
  out.verbose(`*   Trying ${target.ip}:${target.url.port}...\n`)
  const connection = network.connect(target.ip, target.url.port)
  const result: CurlResult = connection.kind === 'established'
    ? exchange(out, options, target, connection)
    : connectFailure(out, options, target, connection.kind)
  if (connection.trace) result.trace = connection.trace
  return result
}

/** A connect that never completes: refused at once, unreachable after ARP gives up, or unanswered SYNs. */
function connectFailure(out: Transcript, options: CurlOptions, target: Target, kind: Exclude<CurlConnection['kind'], 'established'>): CurlResult {
  const failsAfter = kind === 'refused' ? 0 : kind === 'unreachable' ? UNREACHABLE_AFTER_MS : SYN_TIMEOUT_MS
  const limit = options.maxTimeMs
  if (limit !== undefined && failsAfter > limit) {
    const at = limit + 1
    out.waitUntil(at)
    out.verbose(`* Connection timed out after ${at} milliseconds\n`)
    out.done({atMs: at, downloaded: 0})
    out.verbose('* Closing connection 0\n')
    return out.fail(28, `Connection timed out after ${at} milliseconds`, at)
  }
  const {host, port} = target.url
  const failed = `Failed to connect to ${host} port ${port} after ${failsAfter} ms: ${COULDNT_CONNECT}`
  out.waitUntil(failsAfter)
  out.verbose(`* connect to ${target.ip} port ${port} failed: ${ERRNO_TEXT[kind]}\n* ${failed}\n`)
  out.done({atMs: failsAfter, downloaded: 0})
  out.verbose('* Closing connection 0\n')
  // Since curl 7.67 an ETIMEDOUT from the kernel is CURLE_OPERATION_TIMEDOUT.
  return out.fail(kind === 'no-answer' ? 28 : 7, failed, failsAfter)
}

/** An established connection: send the request, wait for the application, print the response. */
function exchange(out: Transcript, options: CurlOptions, target: Target, connection: Extract<CurlConnection, {kind: 'established'}>): CurlResult {
  const {host, port} = target.url
  out.verbose(`* Connected to ${host} (${target.ip}) port ${port} (#0)\n`)
  const request = buildCurlRequest(options, target.url)
  out.verbose(verboseRequest(request))
  const response = connection.send(request)
  const arrivesAt = response.delayMs + EXCHANGE_MS
  const limit = options.maxTimeMs
  if (limit !== undefined && arrivesAt > limit) {
    const at = limit + 1
    out.waitUntil(at)
    out.verbose(`* Operation timed out after ${at} milliseconds with 0 bytes received\n`)
    out.done({atMs: at, downloaded: 0})
    out.verbose('* Closing connection 0\n')
    return out.fail(28, `Operation timed out after ${at} milliseconds with 0 bytes received`, at)
  }
  out.waitUntil(arrivesAt)
  const head = responseHead(response)
  out.verbose(head.split('\r\n').slice(0, -1).map((line) => `< ${line}\r\n`).join(''))
  const body = options.head ? '' : response.body
  if (body !== '' && !out.stdoutIsTTY) out.verbose(`{ [${byteLength(body)} bytes data]\n`)
  const sample = arrivalSample(response, body, arrivesAt)
  out.arrive(sample)
  out.done(sample)
  out.verbose(`* Connection #0 to host ${host} left intact\n`)
  if (options.include || options.head) out.output(head)
  out.output(body)
  return {...out.succeed(arrivesAt), response}
}

function arrivalSample(response: HttpResponse, body: string, atMs: number): MeterSample {
  const length = headerValue(response.headers, 'Content-Length')
  const sample: MeterSample = {atMs, downloaded: byteLength(body)}
  if (length !== undefined && /^\d+$/.test(length) && body !== '') sample.size = Number(length)
  return sample
}
