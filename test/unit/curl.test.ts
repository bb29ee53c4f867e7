import assert from 'node:assert/strict'
import {formatTrace} from '../../src/net/trace/format.js'
import {runCurl} from '../../src/net/curl/run.js'
import type {CurlNetwork} from '../../src/net/curl/network.js'
import {expectGolden} from '../helpers/golden.js'
import {curlTranscript, JUMPOD, OTHER_SISE, RCSISE, RCSISE_2, testNetwork, type ClusterSpec} from './curl-fixtures.js'

const inPod = (pod: typeof RCSISE): ClusterSpec['caller'] => ({kind: 'pod', pod})

// Every curl outcome of issue 3. The renderer was compared with the real curl 7.88.1 binary on
// 127.0.0.1 (same request and response bytes; refused, DROP and slow-server cases) — only wall-clock
// jitter differed (after 0/1 ms, 2000/2001 ms, an extra meter line depending on the second's phase).
const GOLDEN: {name: string; args: string[]; spec?: ClusterSpec; tty?: boolean}[] = [
  {name: 'node-pod-info', args: ['172.17.0.3:9876/info']},
  {name: 'node-vip-info-tutorial', args: ['172.30.228.255:80/info']},
  {name: 'node-vip-info-modern', args: ['172.30.228.255:80/info'], spec: {style: 'modern'}},
  {name: 'node-vip-include', args: ['-i', '172.30.228.255/info']},
  {name: 'node-vip-verbose', args: ['-v', '172.30.228.255/info']},
  {name: 'node-vip-verbose-piped', args: ['-v', '172.30.228.255/info'], tty: false},
  {name: 'node-vip-piped', args: ['172.30.228.255/info'], tty: false},
  {name: 'node-no-endpoints-reject', args: ['172.30.228.255:80/info'], spec: {backends: []}},
  {name: 'node-no-endpoints-reject-verbose-piped', args: ['-v', '172.30.228.255:80/info'], spec: {backends: []}, tty: false},
  {name: 'node-no-endpoints-silent', args: ['-s', '172.30.228.255:80/info'], spec: {backends: []}},
  {name: 'node-no-endpoints-show-error', args: ['-sS', '172.30.228.255:80/info'], spec: {backends: []}},
  {name: 'node-unowned-timeout', args: ['-m', '2', '10.9.9.9/info']},
  {name: 'node-unowned-timeout-piped', args: ['-m', '2', '10.9.9.9/info'], tty: false},
  {name: 'node-unowned-syn-timeout', args: ['-v', '10.9.9.9/info']},
  {name: 'node-unreachable-pod-ip', args: ['172.17.0.99:9876/info']},
  {name: 'node-closed-port', args: ['172.17.0.3:80/']},
  {name: 'node-name-does-not-resolve', args: ['simpleservice/info']},
  {name: 'pod-nosuch', args: ['nosuch'], spec: {caller: inPod(JUMPOD)}},
  {name: 'pod-service-name', args: ['-s', 'simpleservice/info'], spec: {caller: inPod(JUMPOD)}},
  {name: 'pod-other-namespace', args: ['http://thesvc.other/info'], spec: {caller: inPod(JUMPOD)}},
  {name: 'pod-localhost', args: ['-s', 'localhost:9876/info'], spec: {caller: inPod(RCSISE)}},
  {name: 'pod-hairpin-modern', args: ['-s', 'simpleservice/info'], spec: {style: 'modern', caller: inPod(RCSISE)}},
  {name: 'pod-health-slow-timeout', args: ['-sS', '-m', '2', '172.17.0.7:9876/health']},
  {name: 'pod-health-slow', args: ['172.17.0.7:9876/health'], tty: false},
  {name: 'node-post-405', args: ['-si', '-X', 'POST', '172.17.0.3:9876/info']},
  {name: 'node-head-404', args: ['-sI', '172.17.0.3:9876/']},
  {name: 'usage-unknown-option', args: ['--location', 'x']},
]

describe('runCurl', () => {
  for (const c of GOLDEN) {
    it(c.name, () => {
      const result = runCurl(c.args, testNetwork(c.spec), {stdoutIsTTY: c.tty ?? true})
      expectGolden('curl', c.name, curlTranscript(c.args, result))
    })
  }

  it('carries the trace of the connection for --trace', () => {
    const result = runCurl(['172.30.228.255/info'], testNetwork())
    assert.ok(result.trace)
    expectGolden('curl', 'node-vip-info-tutorial-trace', formatTrace(result.trace))
  })

  it('splits the VIP traffic over two endpoints, each seeing the node as 10.0.2.15 (tutorial)', () => {
    const network = testNetwork({backends: [RCSISE, RCSISE_2], seed: 11})
    const seen = new Set<string>()
    for (let i = 0; i < 40; i++) seen.add(runCurl(['-s', '172.30.228.255/info'], network).trace?.destination.ip ?? '')
    assert.deepEqual([...seen].sort(), ['172.17.0.3', '172.17.0.4'])
  })

  it('reaches a pod of another namespace by its Service name, from the caller pod IP', () => {
    const result = runCurl(['-s', 'thesvc.other.svc.cluster.local/info'], testNetwork({caller: inPod(JUMPOD)}))
    assert.equal(result.stdout, '{"host": "thesvc.other.svc.cluster.local", "version": "0.5.0", "from": "172.17.0.5"}')
    assert.equal(result.trace?.destination.ip, OTHER_SISE.ip)
  })

  it('never resolves or connects after a usage error', () => {
    const network: CurlNetwork = {resolve: () => assert.fail('resolve'), connect: () => assert.fail('connect')}
    assert.equal(runCurl(['-m', 'x', 'u'], network).exitCode, 2)
    assert.equal(runCurl(['ftp://u'], network).exitCode, 1)
  })
})
