import assert from 'node:assert/strict'
import {parseCurlArgs, type CurlOptions} from '../../src/net/curl/args.js'
import {buildCurlRequest} from '../../src/net/curl/request.js'
import {parseCurlUrl, type CurlUrl} from '../../src/net/curl/url.js'

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n"
const base: CurlOptions = {silent: false, showError: false, include: false, head: false, verbose: false, headers: [], url: ''}

describe('parseCurlArgs', () => {
  const OK: {args: string[]; want: Partial<CurlOptions>}[] = [
    {args: ['172.17.0.3:9876/info'], want: {url: '172.17.0.3:9876/info'}},
    {args: ['-s', 'simpleservice/info'], want: {silent: true, url: 'simpleservice/info'}},
    {args: ['-sS', '-i', 'u'], want: {silent: true, showError: true, include: true, url: 'u'}},
    {args: ['-sv', 'u'], want: {silent: true, verbose: true, url: 'u'}},
    {args: ['-m', '2', 'u'], want: {maxTimeMs: 2000, url: 'u'}},
    {args: ['-sm2.5', 'u'], want: {silent: true, maxTimeMs: 2500, url: 'u'}},
    {args: ['--max-time', '0', 'u'], want: {url: 'u'}},
    {args: ['-XPOST', '-H', 'Host: x', '--header', 'X-A: b', 'u'], want: {method: 'POST', headers: ['Host: x', 'X-A: b'], url: 'u'}},
    {args: ['--silent', '--show-error', '--include', '--verbose', '--request', 'PUT', 'u'], want: {silent: true, showError: true, include: true, verbose: true, method: 'PUT', url: 'u'}},
    {args: ['-I', 'u'], want: {head: true, url: 'u'}},
  ]
  for (const c of OK) it(`accepts ${c.args.join(' ')}`, () => assert.deepEqual(parseCurlArgs(c.args), {options: {...base, ...c.want}}))

  // Texts and exit codes as curl 7.88.1 prints them.
  const ERRORS: {args: string[]; stderr: string; exitCode: number}[] = [
    {args: [], stderr: TRY, exitCode: 2},
    {args: ['-s'], stderr: `curl: no URL specified!\n${TRY}`, exitCode: 2},
    {args: ['--foo', 'u'], stderr: `curl: option --foo: is unknown\n${TRY}`, exitCode: 2},
    {args: ['--max-time=2', 'u'], stderr: `curl: option --max-time=2: is unknown\n${TRY}`, exitCode: 2},
    {args: ['-Z', 'u'], stderr: `curl: option -Z: is unknown\n${TRY}`, exitCode: 2},
    {args: ['-m'], stderr: `curl: option -m: requires parameter\n${TRY}`, exitCode: 2},
    {args: ['-m', 'abc', 'u'], stderr: `curl: option -m: expected a proper numerical parameter\n${TRY}`, exitCode: 2},
    {args: ['-m', '-1', 'u'], stderr: `curl: option -m: expected a positive numerical parameter\n${TRY}`, exitCode: 2},
    {args: ['--max-time', 'x', 'u'], stderr: `curl: option --max-time: expected a proper numerical parameter\n${TRY}`, exitCode: 2},
    {args: ['-L', 'u'], stderr: "kbe: curl option -L is not simulated; kbe's curl supports -s -S -i -I -v -m -X -H\n", exitCode: 2},
  ]
  for (const c of ERRORS) it(`refuses ${JSON.stringify(c.args)}`, () => assert.deepEqual(parseCurlArgs(c.args), {error: {stderr: c.stderr, exitCode: c.exitCode}}))
})

describe('parseCurlUrl', () => {
  const CASES: {url: string; want: CurlUrl | {exitCode: number}}[] = [
    {url: '172.17.0.3:9876/info', want: {host: '172.17.0.3', port: 9876, target: '/info', hostHeader: '172.17.0.3:9876'}},
    {url: '172.30.228.255:80/info', want: {host: '172.30.228.255', port: 80, target: '/info', hostHeader: '172.30.228.255'}},
    {url: 'http://thesvc.other/info', want: {host: 'thesvc.other', port: 80, target: '/info', hostHeader: 'thesvc.other'}},
    {url: 'SimpleService', want: {host: 'SimpleService', port: 80, target: '/', hostHeader: 'SimpleService'}},
    {url: 'HTTP://h:8080?x=1#frag', want: {host: 'h', port: 8080, target: '/?x=1', hostHeader: 'h:8080'}},
    {url: 'h/a/b?c', want: {host: 'h', port: 80, target: '/a/b?c', hostHeader: 'h'}},
    {url: 'http://', want: {exitCode: 3}},
    {url: 'h:99999/', want: {exitCode: 3}},
    {url: 'h:abc/', want: {exitCode: 3}},
    {url: 'xyz://a/b', want: {exitCode: 1}},
  ]
  for (const c of CASES) {
    it(c.url, () => {
      const result = parseCurlUrl(c.url)
      if ('exitCode' in c.want) assert.equal('error' in result && result.error.exitCode, c.want.exitCode)
      else assert.deepEqual(result, {url: c.want})
    })
  }
})

describe('buildCurlRequest', () => {
  const url = {host: 'h', port: 9876, target: '/info', hostHeader: 'h:9876'}
  const CASES: {headers: string[]; method?: string; head?: boolean; want: string[]}[] = [
    {headers: [], want: ['GET /info', 'Host: h:9876', 'User-Agent: curl/7.88.1', 'Accept: */*']},
    {headers: ['Host: simpleservice'], want: ['GET /info', 'Host: simpleservice', 'User-Agent: curl/7.88.1', 'Accept: */*']},
    {headers: ['host:bar'], want: ['GET /info', 'Host:bar', 'User-Agent: curl/7.88.1', 'Accept: */*']},
    {headers: ['Host:'], want: ['GET /info', 'User-Agent: curl/7.88.1', 'Accept: */*']},
    {headers: ['User-Agent: kbe', 'X-B: 1'], want: ['GET /info', 'Host: h:9876', 'Accept: */*', 'User-Agent: kbe', 'X-B: 1']},
    {headers: ['X-B: 1', 'Accept: text/html'], want: ['GET /info', 'Host: h:9876', 'User-Agent: curl/7.88.1', 'X-B: 1', 'Accept: text/html']},
    {headers: ['Accept:', 'X-E;', 'junk'], want: ['GET /info', 'Host: h:9876', 'User-Agent: curl/7.88.1', 'X-E:']},
    {headers: [], method: 'POST', want: ['POST /info', 'Host: h:9876', 'User-Agent: curl/7.88.1', 'Accept: */*']},
    {headers: [], head: true, want: ['HEAD /info', 'Host: h:9876', 'User-Agent: curl/7.88.1', 'Accept: */*']},
  ]
  for (const c of CASES) {
    it(`${c.method ?? (c.head ? 'HEAD' : 'GET')} with ${JSON.stringify(c.headers)}`, () => {
      const options: CurlOptions = {...base, url: 'x', headers: c.headers, head: c.head ?? false}
      if (c.method) options.method = c.method
      const request = buildCurlRequest(options, url)
      assert.deepEqual([`${request.method} ${request.target}`, ...request.lines], c.want)
    })
  }
})
