import assert from 'node:assert/strict'
import {responseHead} from '../../src/apps/http.js'
import {NGINX_INDEX_HTML} from '../../src/apps/nginx.js'
import {appForImage, canonicalImage, containerListensOn} from '../../src/apps/registry.js'
import type {AppContext, ContainerEnv, HttpRequest, HttpResponse} from '../../src/apps/types.js'
import {Sfc32, seedState} from '../../src/util/random.js'
import {expectGolden} from '../helpers/golden.js'

const NOW = new Date('2017-04-25T13:47:50Z')
const ctx = (seed = 1): AppContext => ({now: NOW, random: new Sfc32(seedState(seed))})
const get = (target: string, host?: string, peer = '172.17.0.1', method = 'GET'): HttpRequest => ({
  method, target, peer: {ip: peer, port: 40000},
  headers: host === undefined ? [['User-Agent', 'curl/7.88.1']] : [['Host', host], ['User-Agent', 'curl/7.88.1'], ['Accept', '*/*']],
})
const simple = appForImage('mhausenblas/simpleservice:0.5.0')!
const wire = (r: HttpResponse) => responseHead(r) + r.body

// The environment of the tutorial's rcsise pod (kubelet service links + the python:2.7 image's ENV), in environ order.
const RCSISE_ENV: ContainerEnv = [
  ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['HOSTNAME', 'rcsise-6nq3k'],
  ['SIMPLESERVICE_PORT_80_TCP_PORT', '80'], ['KUBERNETES_SERVICE_HOST', '172.30.0.1'], ['KUBERNETES_PORT', 'tcp://172.30.0.1:443'],
  ['SIMPLESERVICE_SERVICE_HOST', '172.30.228.255'], ['SIMPLESERVICE_PORT', 'tcp://172.30.228.255:80'],
  ['KUBERNETES_PORT_443_TCP', 'tcp://172.30.0.1:443'], ['KUBERNETES_SERVICE_PORT', '443'], ['SIMPLESERVICE_PORT_80_TCP_ADDR', '172.30.228.255'],
  ['KUBERNETES_PORT_443_TCP_PORT', '443'], ['SIMPLESERVICE_SERVICE_PORT', '80'], ['KUBERNETES_PORT_443_TCP_PROTO', 'tcp'],
  ['SIMPLESERVICE_PORT_80_TCP', 'tcp://172.30.228.255:80'], ['KUBERNETES_SERVICE_PORT_HTTPS', '443'], ['SIMPLESERVICE_PORT_80_TCP_PROTO', 'tcp'],
  ['KUBERNETES_PORT_443_TCP_ADDR', '172.30.0.1'], ['LANG', 'C.UTF-8'], ['GPG_KEY', 'C01E1CAD5EA2C4F0B8E3571504C367C218ADD4FF'],
  ['PYTHON_VERSION', '2.7.13'], ['PYTHON_PIP_VERSION', '9.0.1'], ['REFRESHED_AT', '2017-04-24T13:50'], ['HOME', '/root'],
]

describe('simpleservice', () => {
  it('answers /info byte for byte, headers in tornado 4.3 order', () => {
    const r = simple.handle(get('/info', '172.17.0.3:9876'), [], ctx())
    assert.equal(wire(r), [
      'HTTP/1.1 200 OK', 'Date: Tue, 25 Apr 2017 13:47:50 GMT', 'Content-Length: 69',
      'Etag: "2794443a4f1a0e9c0cb0877bea311d594539ae6f"', 'Content-Type: application/json', 'Server: TornadoServer/4.3', '',
      '{"host": "172.17.0.3:9876", "version": "0.5.0", "from": "172.17.0.1"}',
    ].join('\r\n'))
  })

  // Bodies from the tutorial (§4.5, §4.6); Etags and lengths from real captures of the image.
  const BODIES: {name: string; request: HttpRequest; env?: ContainerEnv; want: string; etag?: string; length?: number}[] = [
    {name: 'VIP without port in Host', request: get('/info', '172.30.228.255', '10.0.2.15'), want: '{"host": "172.30.228.255", "version": "0.5.0", "from": "10.0.2.15"}'},
    {name: 'service name', request: get('/info', 'thesvc', '172.17.0.5'), want: '{"host": "thesvc", "version": "0.5.0", "from": "172.17.0.5"}'},
    {name: 'localhost (67 bytes)', request: get('/info', 'localhost:9876', '127.0.0.1'), want: '{"host": "localhost:9876", "version": "0.5.0", "from": "127.0.0.1"}', length: 67},
    {name: 'no Host header', request: get('/info', undefined, '127.0.0.1'), want: '{"host": "127.0.0.1", "version": "0.5.0", "from": "127.0.0.1"}'},
    {name: 'SIMPLE_SERVICE_VERSION', request: get('/info', 'a'), env: [['SIMPLE_SERVICE_VERSION', '1.0']], want: '{"host": "a", "version": "1.0", "from": "172.17.0.1"}'},
    {name: '/endpoint0', request: get('/endpoint0', '172.17.0.2:8080'), want: '{"host": "172.17.0.2:8080", "version": "0.5.0", "result": "all is well"}',
      etag: '"246ff893b8e03857ceb41ac80403c24d5e255452"', length: 72},
    {name: '/health', request: get('/health', 'x'), want: '{"healthy": true}', etag: '"b40026a9bea9f5096f4ef55d3d23d6730139ff5e"', length: 17},
    {name: 'query string ignored', request: get('/info?x=1', 'h'), want: '{"host": "h", "version": "0.5.0", "from": "172.17.0.1"}'},
    {name: 'Host escaped as JSON (ensure_ascii, </)', request: get('/info', 'ü"</'), want: '{"host": "\\u00fc\\"<\\/", "version": "0.5.0", "from": "172.17.0.1"}'},
  ]
  for (const c of BODIES) {
    it(`body: ${c.name}`, () => {
      const r = simple.handle(c.request, c.env ?? [], ctx())
      assert.equal(r.status, 200)
      assert.equal(r.body, c.want)
      const header = (name: string) => r.headers.find(([k]) => k === name)?.[1]
      if (c.etag) assert.equal(header('Etag'), c.etag)
      if (c.length) assert.equal(header('Content-Length'), String(c.length))
    })
  }

  it('/env is the Python 2 repr of os.environ in CPython 2.7 dict order (checked against python2.7)', () => {
    expectGolden('curl', 'apps-simpleservice-env', simple.handle(get('/env', 'h'), RCSISE_ENV, ctx()).body)
  })

  it('/env escapes like Python 2 repr and json (checked against python2.7)', () => {
    const env: ContainerEnv = [['A', "it's"], ['B', 'say "hi"'], ['C', 'both \' and "'], ['D', 'back\\slash'], ['E', 'new\nline'], ['F', 'grüße'], ['G', '</tag>'], ['H', 'tab\there\x01']]
    assert.equal(simple.handle(get('/env', 'h'), env, ctx()).body,
      '{"version": "0.5.0", "env": "{\'A\': \\"it\'s\\", \'C\': \'both \\\\\' and \\"\', \'B\': \'say \\"hi\\"\', \'E\': \'new\\\\nline\', \'D\': \'back\\\\\\\\slash\', \'G\': \'<\\/tag>\', \'F\': \'gr\\\\xc3\\\\xbc\\\\xc3\\\\x9fe\', \'H\': \'tab\\\\there\\\\x01\'}"}')
  })

  const ERRORS: {name: string; request: HttpRequest; status: number; body: string}[] = [
    {name: 'unknown path', request: get('/nope', 'h'), status: 404, body: '<html><title>404: Not Found</title><body>404: Not Found</body></html>'},
    {name: 'trailing slash', request: get('/info/', 'h'), status: 404, body: '<html><title>404: Not Found</title><body>404: Not Found</body></html>'},
    {name: 'POST /info', request: get('/info', 'h', '1.2.3.4', 'POST'), status: 405, body: '<html><title>405: Method Not Allowed</title><body>405: Method Not Allowed</body></html>'},
    {name: 'POST to an unknown path', request: get('/nope', 'h', '1.2.3.4', 'POST'), status: 404, body: '<html><title>404: Not Found</title><body>404: Not Found</body></html>'},
    {name: 'unsupported method anywhere', request: get('/nope', 'h', '1.2.3.4', 'BREW'), status: 405, body: '<html><title>405: Method Not Allowed</title><body>405: Method Not Allowed</body></html>'},
    {name: 'HEAD /info: headers only', request: get('/info', 'h', '1.2.3.4', 'HEAD'), status: 405, body: ''},
  ]
  for (const c of ERRORS) {
    it(`error: ${c.name}`, () => {
      const r = simple.handle(c.request, [], ctx())
      assert.equal(r.status, c.status)
      assert.equal(r.body, c.body)
      assert.deepEqual(r.headers.map(([k]) => k), ['Date', 'Content-Length', 'Content-Type', 'Server'])
      assert.equal(r.headers.find(([k]) => k === 'Content-Type')?.[1], 'text/html; charset=UTF-8')
    })
  }

  it('0.4.0 has /endpoint0 and /health only, default version 0.4.0', () => {
    const old = appForImage('mhausenblas/simpleservice:0.4.0')!
    assert.equal(old.handle(get('/info', 'h'), [], ctx()).status, 404)
    assert.equal(old.handle(get('/endpoint0', 'h'), [], ctx()).body, '{"host": "h", "version": "0.4.0", "result": "all is well"}')
  })

  // Python 2: env values are str, compared byte-wise; an unset bound is the int 0, smaller than any str.
  const HEALTH: {env: ContainerEnv; want: 'none' | 'delay' | 404; range?: [number, number]}[] = [
    {env: [], want: 'none'},
    {env: [['HEALTH_MAX', '3100']], want: 'delay', range: [0, 3100]},
    {env: [['HEALTH_MIN', '1000'], ['HEALTH_MAX', '4000']], want: 'delay', range: [1000, 4000]},
    {env: [['HEALTH_MIN', '1000']], want: 'none'},
    {env: [['HEALTH_MIN', '5000'], ['HEALTH_MAX', '10000']], want: 'none'},
    {env: [['HEALTH_MIN', '1000'], ['HEALTH_MAX', '500']], want: 404},
    {env: [['HEALTH_MAX', 'abc']], want: 404},
    {env: [['HEALTH_MAX', '2.5']], want: 404},
    {env: [['HEALTH_MAX', '1e3']], want: 'delay', range: [0, 1000]},
  ]
  for (const c of HEALTH) {
    it(`/health with ${JSON.stringify(c.env)}`, () => {
      const r = simple.handle(get('/health', 'h'), c.env, ctx(9))
      assert.equal(r.body, '{"healthy": true}')
      if (c.want === 404) {
        assert.equal(r.status, 404)
        assert.ok(!r.headers.some(([k]) => k === 'Etag'))
        return
      }
      assert.equal(r.status, 200)
      if (c.want === 'none') assert.equal(r.delayMs, 0)
      else assert.ok(c.range && r.delayMs >= c.range[0] && r.delayMs < c.range[1] && Number.isInteger(r.delayMs), String(r.delayMs))
    })
  }

  const PORTS: {env: ContainerEnv; want: number[]}[] = [
    {env: [], want: [9876]}, {env: [['PORT0', '8080']], want: [8080]}, {env: [['PORT0', 'http']], want: []}, {env: [['PORT0', '70000']], want: []},
  ]
  for (const c of PORTS) it(`listens on ${JSON.stringify(c.want)} with ${JSON.stringify(c.env)}`, () => assert.deepEqual(simple.listensOn(c.env), c.want))
})

describe('nginx', () => {
  const nginx = appForImage('nginx')!
  it('serves the welcome page with nginx 1.27.5 headers', () => {
    const r = nginx.handle(get('/', '172.17.0.3'), [], ctx())
    assert.equal(responseHead(r), [
      'HTTP/1.1 200 OK', 'Server: nginx/1.27.5', 'Date: Tue, 25 Apr 2017 13:47:50 GMT', 'Content-Type: text/html', 'Content-Length: 615',
      'Last-Modified: Wed, 16 Apr 2025 12:01:11 GMT', 'Connection: keep-alive', 'ETag: "67ff9c07-267"', 'Accept-Ranges: bytes', '', '',
    ].join('\r\n'))
    assert.equal(r.body, NGINX_INDEX_HTML)
  })
  it('answers other paths with its 404 page (153 bytes, CRLF lines)', () => {
    const r = nginx.handle(get('/info', 'h'), [], ctx())
    assert.equal(r.status, 404)
    assert.equal(r.body, '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.5</center>\r\n</body>\r\n</html>\r\n')
    assert.equal(r.headers.find(([k]) => k === 'Content-Length')?.[1], '153')
  })
  it('refuses POST on the page with 405 Not Allowed', () => assert.equal(nginx.handle(get('/', 'h', '1.1.1.1', 'POST'), [], ctx()).reason, 'Not Allowed'))
  it('listens on 80 only', () => assert.deepEqual(nginx.listensOn([['PORT0', '1']]), [80]))
})

describe('appForImage', () => {
  const CASES: {image: string; want: string | undefined}[] = [
    {image: 'mhausenblas/simpleservice:0.5.0', want: 'simpleservice 0.5.0'},
    {image: 'docker.io/mhausenblas/simpleservice:0.5.0', want: 'simpleservice 0.5.0'},
    {image: 'quay.io/openshiftlabs/simpleservice:0.5.0', want: 'simpleservice 0.5.0'},
    {image: 'mhausenblas/simpleservice:0.4.0', want: 'simpleservice 0.4.0'},
    {image: 'nginx', want: 'nginx 1.27.5'},
    {image: 'docker.io/library/nginx:1.27', want: 'nginx 1.27.5'},
    {image: 'centos:7', want: undefined},
    {image: 'mhausenblas/simpleservice', want: undefined},
  ]
  for (const c of CASES) it(`${c.image} → ${c.want ?? 'no application'}`, () => assert.equal(appForImage(c.image)?.name, c.want))
  it('normalises image names', () => assert.deepEqual(['nginx', 'docker.io/library/nginx:1', 'a/b:c'].map(canonicalImage), ['nginx:latest', 'nginx:1', 'a/b:c']))
  it('a container listens where its app listens, whatever containerPort says', () => {
    assert.deepEqual(containerListensOn('centos:7', []), [])
    assert.deepEqual(containerListensOn('quay.io/openshiftlabs/simpleservice:0.5.0', [['PORT0', '9000']]), [9000])
  })
})
