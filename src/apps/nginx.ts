// The official nginx image with its default configuration, as nginx 1.27.5 (Debian build) serves
// it: `listen 80` only; `/` and `/index.html` give the stock welcome page (615 bytes, Last-Modified
// and ETag from the file's mtime in the image, Wed, 16 Apr 2025 12:01:11 GMT = 0x67ff9c07, size
// 0x267); any other path the built-in 404 page; POST on the page 405 "Not Allowed". Headers in
// nginx's order: Server, Date, Content-Type, Content-Length, Last-Modified, Connection, ETag,
// Accept-Ranges. Every nginx image tag is served as this version.
import {byteLength, formatHttpDate} from './http.js'
import type {App, HttpRequest, HttpResponse} from './types.js'

export const NGINX_VERSION = '1.27.5'
const SERVER = `nginx/${NGINX_VERSION}`
const INDEX_LAST_MODIFIED = 'Wed, 16 Apr 2025 12:01:11 GMT'
const INDEX_MTIME_HEX = '67ff9c07'

/** The stock /usr/share/nginx/html/index.html. */
export const NGINX_INDEX_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`

/** Returns nginx's built-in error page (ngx_http_special_response.c: CRLF line ends, version in the footer). */
export function nginxErrorPage(status: number, reason: string): string {
  const title = `${status} ${reason}`
  return [`<html>`, `<head><title>${title}</title></head>`, `<body>`, `<center><h1>${title}</h1></center>`, `<hr><center>${SERVER}</center>`, `</body>`, `</html>`, '']
    .join('\r\n')
}

function errorResponse(status: number, reason: string, now: Date): HttpResponse {
  const body = nginxErrorPage(status, reason)
  const headers: [string, string][] = [
    ['Server', SERVER], ['Date', formatHttpDate(now)], ['Content-Type', 'text/html'],
    ['Content-Length', String(byteLength(body))], ['Connection', 'keep-alive'],
  ]
  return {status, reason, headers, body, delayMs: 0}
}

function indexResponse(now: Date): HttpResponse {
  const size = byteLength(NGINX_INDEX_HTML)
  const headers: [string, string][] = [
    ['Server', SERVER], ['Date', formatHttpDate(now)], ['Content-Type', 'text/html'], ['Content-Length', String(size)],
    ['Last-Modified', INDEX_LAST_MODIFIED], ['Connection', 'keep-alive'], ['ETag', `"${INDEX_MTIME_HEX}-${size.toString(16)}"`],
    ['Accept-Ranges', 'bytes'],
  ]
  return {status: 200, reason: 'OK', headers, body: NGINX_INDEX_HTML, delayMs: 0}
}

function respond(request: HttpRequest, now: Date): HttpResponse {
  const path = request.target.split('?')[0]
  const isIndex = path === '/' || path === '/index.html'
  if (!['GET', 'HEAD', 'POST'].includes(request.method)) return errorResponse(405, 'Not Allowed', now)
  if (!isIndex) return errorResponse(404, 'Not Found', now)
  if (request.method === 'POST') return errorResponse(405, 'Not Allowed', now)
  return indexResponse(now)
}

/** The nginx application (default configuration). */
export const NGINX_APP: App = {
  name: `nginx ${NGINX_VERSION}`,
  listensOn: () => [80],
  handle: (request, _env, ctx) => {
    const response = respond(request, ctx.now)
    return request.method === 'HEAD' ? {...response, body: ''} : response
  },
}
