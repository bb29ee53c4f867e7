// Small HTTP helpers shared by the simulated applications and curl: the IMF-fixdate of Date and
// Last-Modified headers, case-insensitive header lookup, the reason phrases the servers use, and
// the response as it appears on the wire (status line, `Name: value` lines, CRLF, body).
import type {HttpResponse} from './types.js'

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Returns an HTTP date (`Tue, 25 Apr 2017 13:47:50 GMT`) for an instant. */
export function formatHttpDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  return `${DAYS[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${time} GMT`
}

/** Returns the value of the first header called `name` (any case), trimmed like servers parse it, or undefined. */
export function headerValue(headers: ReadonlyArray<readonly [string, string]>, name: string): string | undefined {
  const wanted = name.toLowerCase()
  return headers.find(([key]) => key.toLowerCase() === wanted)?.[1].trim()
}

/** Returns the byte length of a body (UTF-8). */
export function byteLength(body: string): number {
  return Buffer.byteLength(body, 'utf8')
}

/** Returns the response head as sent: status line and header lines, each CRLF-terminated, then an empty line. */
export function responseHead(response: HttpResponse): string {
  const lines = [`HTTP/1.1 ${response.status} ${response.reason}`, ...response.headers.map(([k, v]) => `${k}: ${v}`)]
  return `${lines.join('\r\n')}\r\n\r\n`
}
