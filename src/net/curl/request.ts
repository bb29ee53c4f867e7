// The HTTP/1.1 request curl 7.88.1 sends: the request line, then `Host` (a custom Host header
// replaces it in place, written as `Host:` plus what followed the colon; an empty one removes it),
// `User-Agent: curl/7.88.1` and `Accept: */*` unless a custom header of that name is given, then the
// custom headers in command-line order. `Name:` with nothing after it only removes a default
// header, `Name;` sends the header empty, a line with neither `:` nor `;` is ignored.
import type {CurlOptions} from './args.js'
import type {CurlUrl} from './url.js'

export const CURL_VERSION = '7.88.1'

export interface CurlRequest {
  method: string
  target: string
  /** The header lines exactly as sent, in order (without CRLF). */
  lines: string[]
  /** The same headers as (name, value) pairs, values trimmed the way servers parse them. */
  headers: [string, string][]
}

function headerName(line: string): string | undefined {
  const end = line.search(/[:;]/)
  return end <= 0 ? undefined : line.slice(0, end).trim().toLowerCase()
}

function customLines(custom: readonly string[]): string[] {
  const out: string[] = []
  for (const line of custom) {
    const name = headerName(line)
    if (name === undefined || name === 'host') continue
    const separator = line[line.search(/[:;]/)]
    const value = line.slice(line.search(/[:;]/) + 1)
    if (separator === ';') {
      if (value.trim() === '') out.push(`${line.slice(0, line.indexOf(';'))}:`)
      continue
    }
    if (value.trim() !== '') out.push(line)
  }
  return out
}

/** Returns the request curl sends for `options` to `url`. */
export function buildCurlRequest(options: CurlOptions, url: CurlUrl): CurlRequest {
  const method = options.method ?? (options.head ? 'HEAD' : 'GET')
  const named = new Set(options.headers.map(headerName).filter((n): n is string => n !== undefined))
  const customHost = options.headers.find((line) => headerName(line) === 'host' && line[line.search(/[:;]/)] === ':')
  const lines: string[] = []
  if (customHost === undefined) lines.push(`Host: ${url.hostHeader}`)
  else if (customHost.slice(customHost.indexOf(':') + 1).trim() !== '') lines.push(`Host:${customHost.slice(customHost.indexOf(':') + 1)}`)
  if (!named.has('user-agent')) lines.push(`User-Agent: curl/${CURL_VERSION}`)
  if (!named.has('accept')) lines.push('Accept: */*')
  lines.push(...customLines(options.headers))
  const headers = lines.map((line): [string, string] => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()])
  return {method, target: url.target, lines, headers}
}

/** Returns the request as -v shows it: `> ` lines with their CRLF, ending with the empty line. */
export function verboseRequest(request: CurlRequest): string {
  return [`${request.method} ${request.target} HTTP/1.1`, ...request.lines, ''].map((line) => `> ${line}\r\n`).join('')
}
