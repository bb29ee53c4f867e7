// The slice of tornado 4.3's web framework simpleservice relies on: routing a request path to a
// handler (exact match, query string ignored), `405` for methods a handler lacks (tornado's
// RequestHandler raises HTTPError(405) for every verb it does not define, and for methods outside
// SUPPORTED_METHODS before anything else), `404` from its default ErrorHandler, and finish(): an
// `Etag` of `"<sha1 of the body>"` on 200 GET responses and a `Content-Length`. Headers live in a
// plain Python 2 dict (HTTPHeaders._as_list), so they go on the wire in CPython 2.7 hash order —
// `Date, Content-Length, Etag, Content-Type, Server`, as real captures of simpleservice show.
import {createHash} from 'node:crypto'
import {byteLength, formatHttpDate} from './http.js'
import {Py2Dict, py2KeyOrder} from './py2-dict.js'
import type {HttpRequest, HttpResponse} from './types.js'

export const TORNADO_SERVER = 'TornadoServer/4.3'
const SUPPORTED_METHODS = ['GET', 'HEAD', 'POST', 'DELETE', 'PATCH', 'PUT', 'OPTIONS']
/** Python 2 httplib.responses for the codes tornado sends here. */
const REASONS: Record<number, string> = {200: 'OK', 404: 'Not Found', 405: 'Method Not Allowed'}

/** What a GET handler produced: its status (200 unless it set one), content type, body and delay. */
export interface HandlerResult {
  status?: number
  contentType: string
  body: string
  delayMs?: number
}

export interface TornadoRoute {
  path: string
  get(request: HttpRequest): HandlerResult
}

/** Returns the response headers in the order tornado writes them, given the names set after clear(). */
function headerLines(now: Date, values: Record<string, string>): [string, string][] {
  // clear(): HTTPHeaders({"Server": …, "Content-Type": …, "Date": …}) copies that dict literal in its own order.
  const initial: Record<string, string> = {Server: TORNADO_SERVER, 'Content-Type': 'text/html; charset=UTF-8', Date: formatHttpDate(now)}
  const dict = new Py2Dict()
  for (const name of py2KeyOrder(Object.keys(initial))) dict.set(name, initial[name])
  for (const [name, value] of Object.entries(values)) dict.set(name, value)
  return dict.entries()
}

/** Returns tornado's default error page response (send_error → write_error). */
export function tornadoError(status: number, now: Date): HttpResponse {
  const reason = REASONS[status] ?? 'Unknown'
  const body = `<html><title>${status}: ${reason}</title><body>${status}: ${reason}</body></html>`
  return {status, reason, headers: headerLines(now, {'Content-Length': String(byteLength(body))}), body, delayMs: 0}
}

function finish(request: HttpRequest, result: HandlerResult, now: Date): HttpResponse {
  const status = result.status ?? 200
  const values: Record<string, string> = {'Content-Type': result.contentType}
  if (status === 200 && (request.method === 'GET' || request.method === 'HEAD')) {
    values.Etag = `"${createHash('sha1').update(result.body, 'utf8').digest('hex')}"`
  }
  values['Content-Length'] = String(byteLength(result.body))
  return {status, reason: REASONS[status] ?? 'Unknown', headers: headerLines(now, values), body: result.body, delayMs: result.delayMs ?? 0}
}

/** Returns the response of a tornado 4.3 Application with `routes` (GET handlers only) to one request. */
export function tornadoRespond(routes: readonly TornadoRoute[], request: HttpRequest, now: Date): HttpResponse {
  const path = request.target.split('?')[0]
  const route = routes.find((r) => r.path === path)
  let response: HttpResponse
  if (!SUPPORTED_METHODS.includes(request.method)) response = tornadoError(405, now)
  else if (!route) response = tornadoError(404, now)
  else if (request.method !== 'GET') response = tornadoError(405, now)
  else response = finish(request, route.get(request), now)
  // A HEAD response carries the headers (Content-Length included) but no body.
  return request.method === 'HEAD' ? {...response, body: ''} : response
}
