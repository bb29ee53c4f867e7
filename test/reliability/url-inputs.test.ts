// `kbe create -f <URL>` against hostile servers, through the real bin with its default limits (10 s, 5 MiB,
// 3 attempts): a server that never answers, an endless body, a huge declared body, a redirect loop and
// bodies that are not YAML. Each ends in bounded time and memory with a clear kubectl-style error and
// leaves the cluster as it was. Servers listen on 127.0.0.1 only.
import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {BIN, tempHome} from '../helpers/kbe.js'

const NOW = '2026-11-25T16:30:00Z'
const CHUNK = Buffer.alloc(64 * 1024, 'a: b\n')

function handler(req: http.IncomingMessage, res: http.ServerResponse): void {
  switch (req.url) {
    case '/slow':
      return // never answers
    case '/endless': {
      res.writeHead(200, {'content-type': 'text/plain'})
      const pump = () => { while (res.write(CHUNK)) { /* fill the socket */ } }
      res.on('drain', pump)
      pump()
      return
    }
    case '/huge':
      res.writeHead(200, {'content-length': String(2 * 1024 ** 3)})
      res.write('a')
      return
    case '/loop':
      res.writeHead(302, {location: '/loop'}).end()
      return
    case '/binary':
      res.writeHead(200).end(Buffer.from([0x00, 0xff, 0xfe, 0x13, 0x37, 0x80, 0x81, 0x0a, 0x7b]))
      return
    case '/html':
      res.writeHead(200, {'content-type': 'text/html'}).end('<!doctype html>\n<html><body><h1>Welcome</h1></body></html>\n')
      return
    default:
      res.writeHead(404).end()
  }
}

interface Run {code: number; stderr: string; ms: number; peakMB?: number}

/** Runs the real bin (under /usr/bin/time when present, for the peak RSS), online. */
function runOnline(home: string, args: string[]): Promise<Run> {
  const timed = fs.existsSync('/usr/bin/time')
  const argv = timed ? ['/usr/bin/time', '-f', 'KBE_PEAK_KB=%M', process.execPath, BIN, ...args] : [process.execPath, BIN, ...args]
  const env: NodeJS.ProcessEnv = {...process.env, KBE_HOME: home, KBE_NOW: NOW, TZ: 'UTC'}
  delete env.KBE_OFFLINE
  const start = Date.now()
  return new Promise((resolve) => {
    execFile(argv[0], argv.slice(1), {env}, (error, _stdout, stderr) => {
      const peak = /KBE_PEAK_KB=(\d+)\n?$/.exec(stderr)
      const code = error ? Number((error as {code?: number}).code ?? 1) : 0
      resolve({code, stderr: stderr.replace(/(Command exited with non-zero status \d+\n)?KBE_PEAK_KB=\d+\n?$/, ''), ms: Date.now() - start, peakMB: peak ? Number(peak[1]) / 1024 : undefined})
    })
  })
}

describe('reliability: hostile manifest URLs', function () {
  this.timeout(60_000)
  let server: http.Server
  let base: string
  let home: string
  before(async () => {
    server = http.createServer(handler)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    home = tempHome('kbe-rel-url-')
    const r = await runOnline(home, ['get', 'ns'])
    assert.equal(r.code, 0, r.stderr)
  })
  after(() => {
    server.closeAllConnections()
    server.close()
    fs.rmSync(home, {recursive: true, force: true})
  })

  const cases = [
    {name: 'a server that never answers', path: '/slow', maxMs: 14_000,
      want: () => 'Unable to connect to the server: context deadline exceeded (Client.Timeout exceeded while awaiting headers)\n'},
    {name: 'an endless body', path: '/endless', maxMs: 8_000,
      want: () => `error: unable to read URL "${base}/endless": the response is larger than 5 MiB\n`},
    {name: 'a huge declared body', path: '/huge', maxMs: 5_000,
      want: () => `error: unable to read URL "${base}/huge": the response is larger than 5 MiB\n`},
    {name: 'a redirect loop', path: '/loop', maxMs: 8_000,
      want: () => 'Unable to connect to the server: stopped after 10 redirects\n'},
    {name: 'a binary body', path: '/binary', maxMs: 5_000},
    {name: 'an HTML page', path: '/html', maxMs: 5_000},
  ]
  it('every case ends in bounded time and memory with a clear error, the cluster untouched', async () => {
    const state = fs.readFileSync(path.join(home, 'cluster.json'))
    const runs = await Promise.all(cases.map((c) => runOnline(home, ['create', '-f', `${base}${c.path}`])))
    cases.forEach((c, i) => {
      const r = runs[i]
      assert.equal(r.code, 1, `${c.name}: ${r.stderr}`)
      if (c.want) assert.equal(r.stderr, c.want(), c.name)
      assert.ok(!r.stderr.includes('this is a bug in kbe') && !/\n\s+at /.test(r.stderr), `${c.name}: ${r.stderr}`)
      assert.match(r.stderr, /^(error: |Unable to connect|error parsing|Error from server)/, `${c.name}: ${r.stderr}`)
      assert.ok(r.ms < c.maxMs, `${c.name}: took ${r.ms} ms`)
      if (r.peakMB !== undefined) assert.ok(r.peakMB < 200, `${c.name}: peak ${r.peakMB.toFixed(0)} MB`)
    })
    assert.ok(state.equals(fs.readFileSync(path.join(home, 'cluster.json'))), 'the cluster is unchanged')
  })
})
