// Reading manifests from http(s) URLs against a local server on 127.0.0.1 (tests never leave it). The
// error texts were checked with the real kubectl v1.32.4 against an equivalent local server: 404/500
// wording, `stopped after 10 redirects` (10 requests per attempt), connection refused, and what an HTML
// page turns into. Timeouts and the size cap are kbe's own additions.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

import {CliError, RawError} from '../../src/api/errors.js'
import {fetchUrlText, UrlReadError, type FetchLimits} from '../../src/io/http.js'
import {readManifestItems, readManifests} from '../../src/io/manifests.js'

const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: fromurl\n'
const GITHUB_LIKE_PAGE =
  '<!DOCTYPE html>\n<html lang="en" data-color-mode="auto">\n  <head>\n    <meta charset="utf-8">\n' +
  '  <link rel="dns-prefetch" href="https://github.githubassets.com">\n<script>var x = {a: 1};</script>\n  </head>\n</html>\n'

const hits = new Map<string, number>()
let server: http.Server
let base: string
let closedPort: number

/** Serves the test routes; `/slow` never answers, `/stall` stops mid-body, `/endless` never ends. */
function route(request: http.IncomingMessage, response: http.ServerResponse): void {
  const url = request.url ?? ''
  hits.set(url, (hits.get(url) ?? 0) + 1)
  const send = (status: number, body: string, headers: Record<string, string> = {}) => {
    response.writeHead(status, {'content-type': 'text/plain', ...headers})
    response.end(body)
  }
  if (url === '/ok.yaml') return send(200, NAMESPACE)
  if (url === '/multi.yaml') return send(200, `${NAMESPACE}---\n${NAMESPACE.replace('fromurl', 'second')}`)
  if (url === '/ns.json') return send(200, '{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"fromjson"}}')
  if (url === '/500') return send(500, 'oops')
  if (url === '/redirect') return send(302, '', {location: '/ok.yaml'})
  if (url === '/dir/relative') return send(301, '', {location: '../ok.yaml'})
  if (url === '/loop') return send(302, '', {location: '/loop'})
  if (url === '/github-page') return send(200, GITHUB_LIKE_PAGE, {'content-type': 'text/html'})
  if (url === '/html') return send(200, '<html><body>Not a manifest</body></html>\n', {'content-type': 'text/html'})
  if (url === '/declared-huge') return send(200, 'x', {'content-length': String(64 * 1024 * 1024)})
  if (url === '/slow') return undefined
  if (url === '/stall') {
    response.writeHead(200)
    response.write('apiVersion: v1\n')
    return undefined
  }
  if (url === '/endless') {
    response.writeHead(200)
    const chunk = Buffer.alloc(16 * 1024, 'a')
    const pump = () => {
      while (!response.destroyed && response.write(chunk));
      if (!response.destroyed) response.once('drain', pump)
    }
    return pump()
  }
  return send(404, '404: Not Found')
}

const limits = (extra: Partial<FetchLimits> = {}): FetchLimits => ({timeoutMs: 5000, maxBytes: 5 * 1024 * 1024, attempts: 1, retryDelayMs: 10, ...extra})

async function fetchFailure(url: string, extra: Partial<FetchLimits> = {}): Promise<UrlReadError> {
  try {
    await fetchUrlText(url, limits(extra))
  } catch (error) {
    if (error instanceof UrlReadError) return error
    throw error
  }
  return assert.fail('expected the read to fail')
}

describe('http: reading manifest URLs', () => {
  before(async () => {
    server = http.createServer(route)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    closedPort = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
  })
  beforeEach(() => hits.clear())
  after(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  it('returns the body of a 200 answer', async () => {
    assert.equal(await fetchUrlText(`${base}/ok.yaml`, limits()), NAMESPACE)
  })

  it('follows redirects, relative ones too', async () => {
    assert.equal(await fetchUrlText(`${base}/redirect`, limits()), NAMESPACE)
    assert.equal(await fetchUrlText(`${base}/dir/relative`, limits()), NAMESPACE)
  })

  const failures: Array<{name: string; path: () => string; extra?: Partial<FetchLimits>; want: () => string; raw: boolean; network: boolean; requests?: number}> = [
    {
      name: '404: kubectl’s status text, not retried',
      path: () => `${base}/missing.yaml`,
      extra: {attempts: 3},
      want: () => `unable to read URL "${base}/missing.yaml", server reported 404 Not Found, status code=404`,
      raw: false,
      network: false,
      requests: 1,
    },
    {
      name: '500: retried like kubectl (3 attempts), then its status text',
      path: () => `${base}/500`,
      extra: {attempts: 3},
      want: () => `unable to read URL "${base}/500", server reported 500 Internal Server Error, status code=500`,
      raw: false,
      network: false,
      requests: 3,
    },
    {
      name: 'a redirect loop: Go gives up after 10 requests',
      path: () => `${base}/loop`,
      want: () => 'Unable to connect to the server: stopped after 10 redirects',
      raw: true,
      network: false,
      requests: 10,
    },
    {
      name: 'connection refused: kubectl’s checkErr wording, with the URL’s host',
      path: () => `http://127.0.0.1:${closedPort}/x.yaml`,
      want: () => `The connection to the server 127.0.0.1:${closedPort} was refused - did you specify the right host or port?`,
      raw: true,
      network: true,
    },
    {
      name: 'no answer within the timeout',
      path: () => `${base}/slow`,
      extra: {timeoutMs: 200},
      want: () => 'Unable to connect to the server: context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
      raw: true,
      network: true,
    },
    {
      name: 'a body that stalls past the timeout',
      path: () => `${base}/stall`,
      extra: {timeoutMs: 200},
      want: () => `error parsing ${base}/stall: context deadline exceeded (Client.Timeout or context cancellation while reading body)`,
      raw: false,
      network: true,
    },
    {
      name: 'an endless body: aborted once past the size cap',
      path: () => `${base}/endless`,
      extra: {maxBytes: 1024 * 1024},
      want: () => `unable to read URL "${base}/endless": the response is larger than 1 MiB`,
      raw: false,
      network: false,
    },
    {
      name: 'a declared length past the size cap: refused before reading',
      path: () => `${base}/declared-huge`,
      extra: {maxBytes: 1000},
      want: () => `unable to read URL "${base}/declared-huge": the response is larger than 1000 bytes`,
      raw: false,
      network: false,
    },
  ]
  for (const {name, path: url, extra, want, raw, network, requests} of failures) {
    it(`fails for ${name}`, async () => {
      const failure = await fetchFailure(url(), extra)
      assert.equal(failure.userError.message, want())
      assert.equal(failure.userError instanceof RawError, raw)
      assert.equal(failure.userError instanceof CliError, !raw)
      assert.equal(failure.networkFailure, network)
      if (requests !== undefined) assert.equal(hits.get(new URL(url()).pathname), requests)
    })
  }

  const options = {readStdin: async () => '', offline: false, note: () => assert.fail('unexpected note'), fixturesDir: '/nonexistent', retryDelayMs: 10}

  it('reads documents from a URL, named by the URL', async () => {
    const documents = await readManifests([`${base}/multi.yaml`, `${base}/ns.json`], options)
    assert.deepEqual(
      documents.map((d) => `${d.source} ${(d.object.metadata as {name: string}).name}`),
      [`${base}/multi.yaml fromurl`, `${base}/multi.yaml second`, `${base}/ns.json fromjson`],
    )
  })

  it('turns an HTML page into kubectl’s parse or validation error', async () => {
    const items = await readManifestItems([`${base}/github-page`, `${base}/html`], options)
    assert.deepEqual(
      items.map((item) => ('error' in item ? item.error.message : 'document')),
      [
        `error parsing ${base}/github-page: error converting YAML to JSON: yaml: line 6: mapping values are not allowed in this context`,
        `error validating "${base}/html": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`,
      ],
    )
  })

  it('keeps reading the other sources after a failed URL', async () => {
    const items = await readManifestItems([`${base}/missing.yaml`, `${base}/ok.yaml`], options)
    assert.deepEqual(
      items.map((item) => ('error' in item ? item.error.message : item.document.source)),
      [`unable to read URL "${base}/missing.yaml", server reported 404 Not Found, status code=404`, `${base}/ok.yaml`],
    )
  })

  it('imports undici only lazily (it costs ~70 ms at start-up)', () => {
    const srcDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src')
    const files = fs.readdirSync(srcDir, {recursive: true, encoding: 'utf8'}).filter((file) => file.endsWith('.ts'))
    for (const file of files) {
      const text = fs.readFileSync(path.join(srcDir, file), 'utf8')
      assert.doesNotMatch(text, /^import (?!type )[^\n]*from 'undici'/m, `${file} imports undici statically`)
    }
  })
})
