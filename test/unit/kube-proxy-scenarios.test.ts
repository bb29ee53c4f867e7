import assert from 'node:assert/strict'
import type {Endpoints, Service} from '../../src/api/types.js'
import {checkRuleSet} from '../../src/net/kube-proxy/check.js'
import {buildRuleSet, type ProxyInput} from '../../src/net/kube-proxy/model.js'
import {renderIptables} from '../../src/net/kube-proxy/render.js'
import {ruleComment} from '../../src/net/kube-proxy/rule.js'
import {findChain, findTable} from '../../src/net/kube-proxy/rule-set.js'
import {
  freshCluster, makeEndpoints, makeService, proxyInput, REFERENCE_NOW, simpleEndpoints, simpleservice, subset,
} from './kube-proxy-fixtures.js'

type Style = 'tutorial' | 'modern'
const render = (input: ProxyInput) => renderIptables(input, REFERENCE_NOW)
const grep = (text: string, pattern: RegExp) => text.split('\n').filter((line) => pattern.test(line))
const p80 = (extra: object = {}) => [{name: 'p80', port: 80, targetPort: 80, ...extra}]
const p80Endpoints = (ns: string, name: string, ...ips: string[]) => makeEndpoints(ns, name, [subset(ips, [{name: 'p80', port: 80}])])

// Services of upstream TestOverallIPTablesRulesWithMultipleServices that kbe models (Cluster policy,
// no loadBalancerSourceRanges): ClusterIP ns1, NodePort ns3, external IP ns4, no endpoints ns6.
function upstreamOverall(): {services: Service[]; endpoints: Endpoints[]} {
  return {
    services: [
      makeService('ns1', 'svc1', '172.30.0.41', p80()),
      makeService('ns3', 'svc3', '172.30.0.43', p80({nodePort: 3003}), (s) => void (s.spec.type = 'NodePort')),
      makeService('ns4', 'svc4', '172.30.0.44', p80(), (s) => Object.assign(s.spec, {type: 'NodePort', externalIPs: ['192.168.99.33']})),
      makeService('ns6', 'svc6', '172.30.0.46', p80()),
    ],
    endpoints: [
      p80Endpoints('ns1', 'svc1', '10.180.0.1'),
      p80Endpoints('ns3', 'svc3', '10.180.0.3'),
      p80Endpoints('ns4', 'svc4', '10.180.0.4', '10.180.0.5'),
    ],
  }
}

describe('kube-proxy model scenarios', () => {
  // Expected lines: upstream's expected restore input, loaded into iptables-nft v1.8.9 and saved back.
  it('upstream TestOverallIPTablesRulesWithMultipleServices (ClusterIP, NodePort, external IP, no endpoints)', () => {
    const {services, endpoints} = upstreamOverall()
    const text = renderIptables({services, endpoints, style: 'modern', clusterCIDR: '10.0.0.0/8'}, REFERENCE_NOW)
    assert.deepEqual(grep(text, /ns[1346]\//), [
      '-A KUBE-SERVICES -d 172.30.0.46/32 -p tcp -m comment --comment "ns6/svc6:p80 has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
      '-A KUBE-EXT-4SW47YFZTEDKD3PK -m comment --comment "masquerade traffic for ns4/svc4:p80 external destinations" -j KUBE-MARK-MASQ',
      '-A KUBE-EXT-X27LE4BHSL4DOUIK -m comment --comment "masquerade traffic for ns3/svc3:p80 external destinations" -j KUBE-MARK-MASQ',
      '-A KUBE-NODEPORTS -p tcp -m comment --comment "ns3/svc3:p80" -m tcp --dport 3003 -j KUBE-EXT-X27LE4BHSL4DOUIK',
      '-A KUBE-SEP-C6EBXVWJJZMIWKLZ -s 10.180.0.5/32 -m comment --comment "ns4/svc4:p80" -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-C6EBXVWJJZMIWKLZ -p tcp -m comment --comment "ns4/svc4:p80" -m tcp -j DNAT --to-destination 10.180.0.5:80',
      '-A KUBE-SEP-OYPFS5VJICHGATKP -s 10.180.0.3/32 -m comment --comment "ns3/svc3:p80" -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-OYPFS5VJICHGATKP -p tcp -m comment --comment "ns3/svc3:p80" -m tcp -j DNAT --to-destination 10.180.0.3:80',
      '-A KUBE-SEP-SXIVWICOYRO3J4NJ -s 10.180.0.1/32 -m comment --comment "ns1/svc1:p80" -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-SXIVWICOYRO3J4NJ -p tcp -m comment --comment "ns1/svc1:p80" -m tcp -j DNAT --to-destination 10.180.0.1:80',
      '-A KUBE-SEP-UKSFD7AGPMPPLUHC -s 10.180.0.4/32 -m comment --comment "ns4/svc4:p80" -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-UKSFD7AGPMPPLUHC -p tcp -m comment --comment "ns4/svc4:p80" -m tcp -j DNAT --to-destination 10.180.0.4:80',
      '-A KUBE-SERVICES -d 172.30.0.41/32 -p tcp -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp --dport 80 -j KUBE-SVC-XPGD46QRK7WJZT7O',
      '-A KUBE-SERVICES -d 172.30.0.43/32 -p tcp -m comment --comment "ns3/svc3:p80 cluster IP" -m tcp --dport 80 -j KUBE-SVC-X27LE4BHSL4DOUIK',
      '-A KUBE-SERVICES -d 172.30.0.44/32 -p tcp -m comment --comment "ns4/svc4:p80 cluster IP" -m tcp --dport 80 -j KUBE-SVC-4SW47YFZTEDKD3PK',
      '-A KUBE-SERVICES -d 192.168.99.33/32 -p tcp -m comment --comment "ns4/svc4:p80 external IP" -m tcp --dport 80 -j KUBE-EXT-4SW47YFZTEDKD3PK',
      '-A KUBE-SVC-4SW47YFZTEDKD3PK ! -s 10.0.0.0/8 -d 172.30.0.44/32 -p tcp -m comment --comment "ns4/svc4:p80 cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ',
      '-A KUBE-SVC-4SW47YFZTEDKD3PK -m comment --comment "ns4/svc4:p80 -> 10.180.0.4:80" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-UKSFD7AGPMPPLUHC',
      '-A KUBE-SVC-4SW47YFZTEDKD3PK -m comment --comment "ns4/svc4:p80 -> 10.180.0.5:80" -j KUBE-SEP-C6EBXVWJJZMIWKLZ',
      '-A KUBE-SVC-X27LE4BHSL4DOUIK ! -s 10.0.0.0/8 -d 172.30.0.43/32 -p tcp -m comment --comment "ns3/svc3:p80 cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ',
      '-A KUBE-SVC-X27LE4BHSL4DOUIK -m comment --comment "ns3/svc3:p80 -> 10.180.0.3:80" -j KUBE-SEP-OYPFS5VJICHGATKP',
      '-A KUBE-SVC-XPGD46QRK7WJZT7O ! -s 10.0.0.0/8 -d 172.30.0.41/32 -p tcp -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ',
      '-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.0.1:80" -j KUBE-SEP-SXIVWICOYRO3J4NJ',
    ])
    assert.deepEqual(grep(text, /^-A KUBE-EXT-\w+ -j /), [
      '-A KUBE-EXT-4SW47YFZTEDKD3PK -j KUBE-SVC-4SW47YFZTEDKD3PK',
      '-A KUBE-EXT-X27LE4BHSL4DOUIK -j KUBE-SVC-X27LE4BHSL4DOUIK',
    ])
  })

  it('upstream TestInternalTrafficPolicyE2E: unnamed port, three endpoints', () => {
    const svc = makeService('ns1', 'svc1', '172.30.1.1', [{port: 80, targetPort: 80}])
    const eps = makeEndpoints('ns1', 'svc1', [subset(['10.0.1.3', '10.0.1.1', '10.0.1.2'], [{port: 80}])])
    const text = renderIptables({services: [svc], endpoints: [eps], style: 'modern', clusterCIDR: '10.0.0.0/8'}, REFERENCE_NOW)
    assert.deepEqual(grep(text, /ns1\/svc1/), [
      '-A KUBE-SEP-3JOIVZTXZZRGORX4 -s 10.0.1.1/32 -m comment --comment "ns1/svc1" -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-3JOIVZTXZZRGORX4 -p tcp -m comment --comment "ns1/svc1" -m tcp -j DNAT --to-destination 10.0.1.1:80',
      '-A KUBE-SEP-IO5XOSKPAXIFQXAJ -s 10.0.1.2/32 -m comment --comment "ns1/svc1" -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-IO5XOSKPAXIFQXAJ -p tcp -m comment --comment "ns1/svc1" -m tcp -j DNAT --to-destination 10.0.1.2:80',
      '-A KUBE-SEP-XGJFVO3L2O5SRFNT -s 10.0.1.3/32 -m comment --comment "ns1/svc1" -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-XGJFVO3L2O5SRFNT -p tcp -m comment --comment "ns1/svc1" -m tcp -j DNAT --to-destination 10.0.1.3:80',
      '-A KUBE-SERVICES -d 172.30.1.1/32 -p tcp -m comment --comment "ns1/svc1 cluster IP" -m tcp --dport 80 -j KUBE-SVC-AQI2S6QIMU7PVVRP',
      '-A KUBE-SVC-AQI2S6QIMU7PVVRP ! -s 10.0.0.0/8 -d 172.30.1.1/32 -p tcp -m comment --comment "ns1/svc1 cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ',
      '-A KUBE-SVC-AQI2S6QIMU7PVVRP -m comment --comment "ns1/svc1 -> 10.0.1.1:80" -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-3JOIVZTXZZRGORX4',
      '-A KUBE-SVC-AQI2S6QIMU7PVVRP -m comment --comment "ns1/svc1 -> 10.0.1.2:80" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-IO5XOSKPAXIFQXAJ',
      '-A KUBE-SVC-AQI2S6QIMU7PVVRP -m comment --comment "ns1/svc1 -> 10.0.1.3:80" -j KUBE-SEP-XGJFVO3L2O5SRFNT',
    ])
  })

  it('UDP: the kind cluster kube-dns lines quoted in kubernetes PR #114470', () => {
    const svc = makeService('kube-system', 'kube-dns', '10.96.0.10', [{name: 'dns', port: 53, protocol: 'UDP'}])
    const eps = makeEndpoints('kube-system', 'kube-dns', [subset(['10.244.0.4', '10.244.0.3'], [{name: 'dns', port: 53, protocol: 'UDP'}])])
    const lines = grep(renderIptables({services: [svc], endpoints: [eps], style: 'modern', clusterCIDR: '10.244.0.0/16'}, REFERENCE_NOW), /./)
    for (const want of [
      '-A KUBE-SVC-TCOU7JCQXEZGVUNU ! -s 10.244.0.0/16 -d 10.96.0.10/32 -p udp -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp --dport 53 -j KUBE-MARK-MASQ',
      '-A KUBE-SVC-TCOU7JCQXEZGVUNU -m comment --comment "kube-system/kube-dns:dns -> 10.244.0.3:53" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-6E7XQMQ4RAYOWTTM',
      '-A KUBE-SEP-6E7XQMQ4RAYOWTTM -s 10.244.0.3/32 -m comment --comment "kube-system/kube-dns:dns" -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-6E7XQMQ4RAYOWTTM -p udp -m comment --comment "kube-system/kube-dns:dns" -m udp -j DNAT --to-destination 10.244.0.3:53',
    ]) assert.ok(lines.includes(want), want)
  })

  describe('what kube-proxy skips', () => {
    for (const style of ['tutorial', 'modern'] as const) {
      it(`${style}: headless and ExternalName Services add nothing`, () => {
        const headless = makeService('default', 'headless', 'None', [{port: 80}])
        const external = makeService('default', 'ext', '', [{port: 80}], (s) => Object.assign(s.spec, {type: 'ExternalName', externalName: 'example.com'}))
        const base = render(proxyInput(style, [simpleservice()], [simpleEndpoints('172.17.0.3')]))
        const eps = [simpleEndpoints('172.17.0.3'), makeEndpoints('default', 'headless', [subset(['172.17.0.9'], [{port: 80}])])]
        assert.equal(render(proxyInput(style, [headless, simpleservice(), external], eps)), base)
      })
    }
  })

  describe('endpoints', () => {
    it('are sorted by their "ip:port" string: 172.17.0.10 before 172.17.0.3', () => {
      const text = render(proxyInput('modern', [simpleservice()], [simpleEndpoints('172.17.0.3', '172.17.0.10')]))
      assert.deepEqual(grep(text, /^-A KUBE-SVC-.* -> /).map((l) => l.split('"')[1]), [
        'default/simpleservice -> 172.17.0.10:9876',
        'default/simpleservice -> 172.17.0.3:9876',
      ])
    })
    it('are paired with the service port by port name, across subsets', () => {
      const svc = makeService('default', 'web', '172.30.0.20', [{name: 'http', port: 80}, {name: 'metrics', port: 9090}])
      const eps = makeEndpoints('default', 'web', [
        subset(['172.17.0.5'], [{name: 'metrics', port: 9100}, {name: 'http', port: 8080}]),
        subset(['172.17.0.6'], [{name: 'http', port: 8081}]),
      ])
      const dnat = grep(render(proxyInput('modern', [svc], [eps])), /-j DNAT/).map((l) => l.replace(/.*--comment "([^"]*)".*--to-destination (.*)/, '$1 $2'))
      assert.deepEqual(dnat.sort(), ['default/web:http 172.17.0.5:8080', 'default/web:http 172.17.0.6:8081', 'default/web:metrics 172.17.0.5:9100'])
    })
  })

  describe('ClientIP session affinity', () => {
    const sticky = (s: Service) => Object.assign(s.spec, {sessionAffinity: 'ClientIP', sessionAffinityConfig: {clientIP: {timeoutSeconds: 600}}})
    it('modern: recent --rcheck rules before the statistic rules, recent --set on DNAT', () => {
      const text = render(proxyInput('modern', [simpleservice(sticky)], [simpleEndpoints('172.17.0.3', '172.17.0.4')]))
      assert.deepEqual(grep(text, /-m recent/), [
        '-A KUBE-SEP-EJERYEAV7XNEU6DK -p tcp -m comment --comment "default/simpleservice" -m recent --set --name KUBE-SEP-EJERYEAV7XNEU6DK --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 172.17.0.3:9876',
        '-A KUBE-SEP-ESWIR3TQWELI3T4K -p tcp -m comment --comment "default/simpleservice" -m recent --set --name KUBE-SEP-ESWIR3TQWELI3T4K --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 172.17.0.4:9876',
        '-A KUBE-SVC-EXBNZ76JOZU7PBN2 -m comment --comment "default/simpleservice -> 172.17.0.3:9876" -m recent --rcheck --seconds 600 --reap --name KUBE-SEP-EJERYEAV7XNEU6DK --mask 255.255.255.255 --rsource -j KUBE-SEP-EJERYEAV7XNEU6DK',
        '-A KUBE-SVC-EXBNZ76JOZU7PBN2 -m comment --comment "default/simpleservice -> 172.17.0.4:9876" -m recent --rcheck --seconds 600 --reap --name KUBE-SEP-ESWIR3TQWELI3T4K --mask 255.255.255.255 --rsource -j KUBE-SEP-ESWIR3TQWELI3T4K',
      ])
      assert.equal(grep(text, /^-A KUBE-SVC-/)[0].includes('KUBE-MARK-MASQ'), true, 'masquerade rule stays first')
    })
    it('tutorial: always 180 minutes (the v1.5 API had no timeout field)', () => {
      const text = render(proxyInput('tutorial', [simpleservice(sticky)], [simpleEndpoints('172.17.0.3')]))
      assert.deepEqual(grep(text, /^-A KUBE-SVC-/), [
        '-A KUBE-SVC-EZC6WLOVQADP4IAW -m comment --comment "default/simpleservice:" -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-4SQFZS32ZVMTQEZV --mask 255.255.255.255 --rsource -j KUBE-SEP-4SQFZS32ZVMTQEZV',
        '-A KUBE-SVC-EZC6WLOVQADP4IAW -m comment --comment "default/simpleservice:" -j KUBE-SEP-4SQFZS32ZVMTQEZV',
      ])
    })
  })

  describe('NodePort', () => {
    const nodePort = (s: Service) => {
      s.spec.type = 'NodePort'
      s.spec.ports![0].nodePort = 30080
    }
    it('tutorial: mark for masquerade, then jump, even with 0 endpoints', () => {
      for (const ips of [['172.17.0.3'], []]) {
        assert.deepEqual(grep(render(proxyInput('tutorial', [simpleservice(nodePort)], [simpleEndpoints(...ips)])), /KUBE-NODEPORTS -p/), [
          '-A KUBE-NODEPORTS -p tcp -m comment --comment "default/simpleservice:" -m tcp --dport 30080 -j KUBE-MARK-MASQ',
          '-A KUBE-NODEPORTS -p tcp -m comment --comment "default/simpleservice:" -m tcp --dport 30080 -j KUBE-SVC-EZC6WLOVQADP4IAW',
        ])
      }
    })
    it('modern: KUBE-NODEPORTS → KUBE-EXT → KUBE-SVC', () => {
      assert.deepEqual(grep(render(proxyInput('modern', [simpleservice(nodePort)], [simpleEndpoints('172.17.0.3')])), /KUBE-EXT-/), [
        ':KUBE-EXT-EXBNZ76JOZU7PBN2 - [0:0]',
        '-A KUBE-EXT-EXBNZ76JOZU7PBN2 -m comment --comment "masquerade traffic for default/simpleservice external destinations" -j KUBE-MARK-MASQ',
        '-A KUBE-EXT-EXBNZ76JOZU7PBN2 -j KUBE-SVC-EXBNZ76JOZU7PBN2',
        '-A KUBE-NODEPORTS -p tcp -m comment --comment "default/simpleservice" -m tcp --dport 30080 -j KUBE-EXT-EXBNZ76JOZU7PBN2',
      ])
    })
    it('modern, 0 endpoints (upstream TestNoEndpointsReject): every address REJECTs in filter', () => {
      const lb = makeService('ns1', 'svc1', '172.30.0.41', p80({nodePort: 3001}), (s) => {
        Object.assign(s.spec, {type: 'LoadBalancer', externalIPs: ['192.168.99.11']})
        s.status = {loadBalancer: {ingress: [{ip: '1.2.3.4'}]}}
      })
      const text = render(proxyInput('modern', [lb], []))
      assert.deepEqual(grep(text, /ns1\/svc1/), [
        '-A KUBE-EXTERNAL-SERVICES -d 192.168.99.11/32 -p tcp -m comment --comment "ns1/svc1:p80 has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
        '-A KUBE-EXTERNAL-SERVICES -d 1.2.3.4/32 -p tcp -m comment --comment "ns1/svc1:p80 has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
        '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "ns1/svc1:p80 has no endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 3001 -j REJECT --reject-with icmp-port-unreachable',
        '-A KUBE-SERVICES -d 172.30.0.41/32 -p tcp -m comment --comment "ns1/svc1:p80 has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
      ])
    })
    it('modern LoadBalancer ingress IP jumps to KUBE-EXT', () => {
      const lb = makeService('ns1', 'svc1', '172.30.0.41', p80({nodePort: 3001}), (s) => {
        s.spec.type = 'LoadBalancer'
        s.status = {loadBalancer: {ingress: [{ip: '1.2.3.4'}]}}
      })
      assert.ok(grep(render(proxyInput('modern', [lb], [p80Endpoints('ns1', 'svc1', '10.180.0.1')])), /loadbalancer IP/).includes(
        '-A KUBE-SERVICES -d 1.2.3.4/32 -p tcp -m comment --comment "ns1/svc1:p80 loadbalancer IP" -m tcp --dport 80 -j KUBE-EXT-XPGD46QRK7WJZT7O',
      ))
    })
  })

  it('large cluster mode (> 1000 endpoints): SVC→SEP and SEP rules lose their comments', () => {
    const ips = Array.from({length: 1001}, (_, i) => `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`)
    const ruleSet = buildRuleSet(proxyInput('modern', [simpleservice()], [simpleEndpoints(...ips)]))
    const nat = findTable(ruleSet, 'nat')!
    const perService = nat.chains.filter((c) => /^KUBE-(SVC|SEP)-/.test(c.name)).flatMap((c) => c.rules)
    assert.deepEqual(perService.filter((r) => ruleComment(r) !== undefined).map((r) => ruleComment(r)), ['default/simpleservice cluster IP'])
    const services = findChain(nat, 'KUBE-SERVICES')!.rules
    assert.equal(ruleComment(services[0]), 'default/simpleservice cluster IP')
  })

  it('KUBE-SERVICES lists service ports by name then protocol, whatever the input order', () => {
    const {services, endpoints} = freshCluster()
    const forward = render(proxyInput('modern', services, endpoints))
    assert.equal(render(proxyInput('modern', [...services].reverse(), [...endpoints].reverse())), forward)
    assert.deepEqual(grep(forward, /^-A KUBE-SERVICES .*cluster IP/).map((l) => l.split('"')[1]), [
      'default/kubernetes:https cluster IP',
      'kube-system/kube-dns:dns cluster IP',
      'kube-system/kube-dns:dns-tcp cluster IP',
      'kube-system/kube-dns:metrics cluster IP',
    ])
  })

  describe('consistency of generated rule sets', () => {
    const sticky = (s: Service) => void (s.spec.sessionAffinity = 'ClientIP')
    const nodePort = (s: Service) => {
      s.spec.type = 'NodePort'
      s.spec.ports![0].nodePort = 30080
    }
    const inputs: {name: string; services: Service[]; endpoints: Endpoints[]}[] = [
      {name: 'no services', services: [], endpoints: []},
      {name: 'simpleservice, 0 endpoints', services: [simpleservice()], endpoints: [simpleEndpoints()]},
      {name: 'simpleservice, 3 endpoints', services: [simpleservice()], endpoints: [simpleEndpoints('172.17.0.3', '172.17.0.4', '172.17.0.5')]},
      {name: 'sticky NodePort', services: [simpleservice((s) => (sticky(s), nodePort(s)))], endpoints: [simpleEndpoints('172.17.0.3', '172.17.0.10')]},
      {name: 'NodePort, 0 endpoints', services: [simpleservice(nodePort)], endpoints: []},
      {name: 'fresh cluster', ...freshCluster()},
      {name: 'upstream overall', ...upstreamOverall()},
    ]
    for (const style of ['tutorial', 'modern'] as Style[]) {
      for (const {name, services, endpoints} of inputs) {
        it(`${style}: ${name}`, () => assert.deepEqual(checkRuleSet(buildRuleSet(proxyInput(style, services, endpoints))), []))
      }
    }
    it('reports an undeclared jump target and an unused KUBE-SEP chain', () => {
      const ruleSet = buildRuleSet(proxyInput('modern', [simpleservice()], [simpleEndpoints('172.17.0.3')]))
      const nat = findTable(ruleSet, 'nat')!
      nat.chains.push({name: 'KUBE-SEP-UNUSED', rules: []})
      findChain(nat, 'KUBE-SVC-EXBNZ76JOZU7PBN2')!.rules.push({chain: 'KUBE-SVC-EXBNZ76JOZU7PBN2', matches: [], target: {kind: 'jump', chain: 'KUBE-NOWHERE'}})
      assert.deepEqual(checkRuleSet(ruleSet), [
        'nat: KUBE-SVC-EXBNZ76JOZU7PBN2 jumps to undeclared chain KUBE-NOWHERE',
        'nat: chain KUBE-SEP-UNUSED is declared but never jumped to',
      ])
    })
  })
})
