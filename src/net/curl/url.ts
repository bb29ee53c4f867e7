// URLs as curl 7.88 reads them from the command line: the scheme is optional (http assumed), the
// host keeps its case, the port defaults to 80, the request target is the path (default `/`) plus
// the query, a fragment is never sent. The Host header curl builds leaves out the default port, so
// `curl 172.30.228.255:80/info` sends `Host: 172.30.228.255`. Only http is simulated.

export interface CurlUrl {
  host: string
  port: number
  /** Path and query as sent in the request line. */
  target: string
  /** The Host header value curl sends: host, plus `:port` unless it is 80. */
  hostHeader: string
}

export type CurlUrlResult = {url: CurlUrl} | {error: {exitCode: number; message: string}}

const BAD_URL = {exitCode: 3, message: 'URL using bad/illegal format or missing URL'}

/** Returns the parsed URL, or curl's error (exit code and message without the `curl: (N) ` prefix). */
export function parseCurlUrl(text: string): CurlUrlResult {
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text)
  const scheme = schemeMatch ? schemeMatch[1].toLowerCase() : 'http'
  if (scheme === 'https') return {error: {exitCode: 1, message: 'kbe simulates plain http only; https is not simulated'}}
  if (scheme !== 'http') return {error: {exitCode: 1, message: `Protocol "${schemeMatch?.[1]}" not supported or disabled in libcurl`}}
  const rest = (schemeMatch ? text.slice(schemeMatch[0].length) : text).replace(/#.*$/, '')
  const authorityEnd = rest.search(/[/?]/)
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd)
  const tail = authorityEnd === -1 ? '' : rest.slice(authorityEnd)
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1)
  const colon = hostPort.lastIndexOf(':')
  const host = colon === -1 ? hostPort : hostPort.slice(0, colon)
  const portText = colon === -1 ? '' : hostPort.slice(colon + 1)
  if (host === '' || host.includes('[')) return {error: BAD_URL}
  if (portText !== '' && (!/^\d+$/.test(portText) || Number(portText) > 65535)) return {error: BAD_URL}
  const port = portText === '' ? 80 : Number(portText)
  const target = tail === '' ? '/' : tail.startsWith('?') ? `/${tail}` : tail
  return {url: {host, port, target, hostHeader: port === 80 ? host : `${host}:${port}`}}
}
