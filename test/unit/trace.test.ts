import assert from 'node:assert/strict'
import type {Packet, Verdict} from '../../src/net/trace/types.js'
import {affinityUpdates, tracePacket} from '../../src/net/trace/tracer.js'
import {buildRuleSet} from '../../src/net/kube-proxy/model.js'
import {freshCluster, proxyInput, simpleEndpoints, simpleservice} from './kube-proxy-fixtures.js'
import {isLocalAddress, MINIKUBE_NODE, routeTo} from '../../src/net/trace/node-network.js'
import {NODE_PORT, seeded, simpleRuleSet, STYLES, VIP, type Style} from './trace-fixtures.js'

const PODS = ['172.17.0.2', '172.17.0.3', '172.17.0.4', '172.17.0.5']
const fromNode = (destination: string, destinationPort: number): Packet => ({protocol: 'tcp', destination, destinationPort, origin: 'node'})
const fromPod = (source: string, destination: string, destinationPort: number): Packet => ({protocol: 'tcp', source, destination, destinationPort, origin: 'pod'})

interface Case {
  name: string
  styles?: readonly Style[]
  endpoints: string[]
  nodePort?: boolean
  packet: Packet
  want: {verdict: Verdict['kind']; destination: string; source?: string}
}

// The source address rules of issue 3. Tutorial-era node → VIP shows 10.0.2.15 (the route's source
// address; nothing masquerades it), modern kube-proxy marks it (`! -s <cluster CIDR>`) and
// MASQUERADE on docker0 rewrites it to the bridge address. Checked against the Linux kernel: the
// rendered rules loaded into a network namespace wired like MINIKUBE_NODE (veth eth0/eth1, bridge
// docker0, pod namespaces) gave the same source address and the same refused/timed-out outcome for
// node → pod, node → VIP, pod → VIP, a missing Service port, an unused bridge address and 0 endpoints.
const CASES: Case[] = [
  {name: 'node → pod IP: the bridge address', endpoints: ['172.17.0.3'], packet: fromNode('172.17.0.3', 9876),
    want: {verdict: 'pod', destination: '172.17.0.3:9876', source: '172.17.0.1'}},
  {name: 'node → VIP (tutorial): the NAT address the route picks', styles: ['tutorial'], endpoints: ['172.17.0.3'], packet: fromNode(VIP, 80),
    want: {verdict: 'pod', destination: '172.17.0.3:9876', source: '10.0.2.15'}},
  {name: 'node → VIP (modern): masqueraded to the bridge address', styles: ['modern'], endpoints: ['172.17.0.3'], packet: fromNode(VIP, 80),
    want: {verdict: 'pod', destination: '172.17.0.3:9876', source: '172.17.0.1'}},
  {name: 'pod → VIP: the pod keeps its own address', endpoints: ['172.17.0.3'], packet: fromPod('172.17.0.5', VIP, 80),
    want: {verdict: 'pod', destination: '172.17.0.3:9876', source: '172.17.0.5'}},
  {name: 'pod → VIP hairpinning to itself: masqueraded', endpoints: ['172.17.0.3'], packet: fromPod('172.17.0.3', VIP, 80),
    want: {verdict: 'pod', destination: '172.17.0.3:9876', source: '172.17.0.1'}},
  {name: 'pod → pod IP: unchanged', endpoints: ['172.17.0.3'], packet: fromPod('172.17.0.5', '172.17.0.3', 9876),
    want: {verdict: 'pod', destination: '172.17.0.3:9876', source: '172.17.0.5'}},
  {name: 'node → VIP without endpoints: REJECT', endpoints: [], packet: fromNode(VIP, 80),
    want: {verdict: 'reject', destination: `${VIP}:80`}},
  {name: 'pod → VIP without endpoints (modern): REJECT from FORWARD', styles: ['modern'], endpoints: [], packet: fromPod('172.17.0.5', VIP, 80),
    want: {verdict: 'reject', destination: `${VIP}:80`}},
  // kube-proxy v1.5 jumped to filter KUBE-SERVICES from OUTPUT only: forwarded pod traffic is not rejected.
  {name: 'pod → VIP without endpoints (tutorial): forwarded, unanswered', styles: ['tutorial'], endpoints: [], packet: fromPod('172.17.0.5', VIP, 80),
    want: {verdict: 'no-answer', destination: `${VIP}:80`}},
  {name: 'node → VIP on a port the Service lacks: unanswered', endpoints: ['172.17.0.3'], packet: fromNode(VIP, 81),
    want: {verdict: 'no-answer', destination: `${VIP}:81`, source: '10.0.2.15'}},
  {name: 'node → address nobody owns off the node: unanswered', endpoints: ['172.17.0.3'], packet: fromNode('10.9.9.9', 80),
    want: {verdict: 'no-answer', destination: '10.9.9.9:80', source: '10.0.2.15'}},
  {name: 'node → unused pod-network address: unreachable', endpoints: ['172.17.0.3'], packet: fromNode('172.17.0.99', 80),
    want: {verdict: 'unreachable', destination: '172.17.0.99:80', source: '172.17.0.1'}},
  {name: 'node → its own InternalIP', endpoints: ['172.17.0.3'], packet: fromNode('192.168.99.100', 8443),
    want: {verdict: 'node', destination: '192.168.99.100:8443', source: '192.168.99.100'}},
  {name: 'node → NodePort on its InternalIP: DNAT, masqueraded', endpoints: ['172.17.0.3'], nodePort: true, packet: fromNode('192.168.99.100', NODE_PORT),
    want: {verdict: 'pod', destination: '172.17.0.3:9876', source: '172.17.0.1'}},
  {name: 'pod → NodePort on the node: DNAT, masqueraded', endpoints: ['172.17.0.3'], nodePort: true, packet: fromPod('172.17.0.5', '10.0.2.15', NODE_PORT),
    want: {verdict: 'pod', destination: '172.17.0.3:9876', source: '172.17.0.1'}},
]

describe('packet tracer', () => {
  for (const c of CASES) {
    for (const style of c.styles ?? STYLES) {
      it(`${c.name} [${style}]`, () => {
        const trace = tracePacket(simpleRuleSet(style, c.endpoints, c.nodePort), c.packet, seeded(), {podIPs: PODS})
        assert.equal(trace.verdict.kind, c.want.verdict)
        assert.equal(`${trace.destination.ip}:${trace.destination.port}`, c.want.destination)
        if (c.want.source !== undefined) assert.equal(trace.source, c.want.source)
      })
    }
  }

  it('records every rule visited with its iptables-save text, in kernel order', () => {
    const trace = tracePacket(simpleRuleSet('tutorial', ['172.17.0.3']), fromNode(VIP, 80), seeded(), {podIPs: PODS})
    const matched = trace.steps.flatMap((s) => (s.kind === 'rule' && s.matched ? [s.text] : []))
    assert.deepEqual(matched, [
      '-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
      '-A KUBE-SERVICES -d 172.30.228.255/32 -p tcp -m comment --comment "default/simpleservice: cluster IP" -m tcp --dport 80 -j KUBE-SVC-EZC6WLOVQADP4IAW',
      '-A KUBE-SVC-EZC6WLOVQADP4IAW -m comment --comment "default/simpleservice:" -j KUBE-SEP-4SQFZS32ZVMTQEZV',
      '-A KUBE-SEP-4SQFZS32ZVMTQEZV -p tcp -m comment --comment "default/simpleservice:" -m tcp -j DNAT --to-destination 172.17.0.3:9876',
      '-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
      '-A OUTPUT -j KUBE-FIREWALL',
      '-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING',
    ])
  })

  it('draws a random number only for statistic rules it reaches', () => {
    const trace = tracePacket(simpleRuleSet('modern', ['172.17.0.3', '172.17.0.4', '172.17.0.5']), fromNode(VIP, 80), seeded(7))
    const draws = trace.steps.filter((s) => s.kind === 'rule' && s.draw !== undefined)
    assert.ok(draws.length >= 1 && draws.length <= 2)
    for (const step of draws) assert.ok(step.kind === 'rule' && step.rule.matches.some((m) => m.kind === 'statistic'))
  })

  it('is deterministic for a seed', () => {
    const rules = simpleRuleSet('tutorial', ['172.17.0.3', '172.17.0.4'])
    const pick = (seed: number) => tracePacket(rules, fromNode(VIP, 80), seeded(seed)).destination.ip
    assert.deepEqual([1, 2, 3, 4, 5].map(pick), [1, 2, 3, 4, 5].map(pick))
  })

  it('keeps ClientIP affinity through -m recent: --set is reported, --rcheck follows the caller state', () => {
    const fresh = freshCluster()
    const svc = simpleservice((s) => void (s.spec.sessionAffinity = 'ClientIP'))
    const rules = buildRuleSet(proxyInput('tutorial', [...fresh.services, svc], [...fresh.endpoints, simpleEndpoints('172.17.0.3', '172.17.0.4')]))
    const packet = fromPod('172.17.0.5', VIP, 80)
    const first = tracePacket(rules, packet, seeded(1), {podIPs: PODS})
    const [update] = affinityUpdates(first)
    assert.equal(update.source, '172.17.0.5')
    const recent = {nowSeconds: 100, lists: {[update.list]: {'172.17.0.5': 90}}}
    for (const seed of [2, 3, 4, 5]) assert.equal(tracePacket(rules, packet, seeded(seed), {podIPs: PODS, recent}).destination.ip, first.destination.ip)
  })

  it('refuses a pod packet without a source address', () => {
    assert.throws(() => tracePacket(simpleRuleSet('tutorial', []), {protocol: 'tcp', destination: VIP, destinationPort: 80, origin: 'pod'}, seeded()))
  })
})

describe('node network', () => {
  const cases: {destination: string; want: string}[] = [
    {destination: '172.30.228.255', want: 'eth0 via 10.0.2.2 src 10.0.2.15'},
    {destination: '172.17.0.3', want: 'docker0 src 172.17.0.1'},
    {destination: '192.168.99.1', want: 'eth1 src 192.168.99.100'},
    {destination: '10.0.2.3', want: 'eth0 src 10.0.2.15'},
    {destination: '127.0.0.1', want: 'lo src 127.0.0.1 local'},
    {destination: '172.17.0.1', want: 'lo src 172.17.0.1 local'},
  ]
  for (const c of cases) {
    it(`routes ${c.destination}`, () => {
      const r = routeTo(MINIKUBE_NODE, c.destination)
      assert.ok(r)
      assert.equal([r.dev, r.via ? `via ${r.via}` : '', `src ${r.src}`, r.local ? 'local' : ''].filter(Boolean).join(' '), c.want)
    })
  }
  it('knows its local addresses', () => {
    assert.deepEqual(['127.0.0.5', '10.0.2.15', '192.168.99.100', '172.17.0.1', '172.17.0.3', '172.30.0.1'].map((ip) => isLocalAddress(MINIKUBE_NODE, ip)),
      [true, true, true, true, false, false])
  })
})
