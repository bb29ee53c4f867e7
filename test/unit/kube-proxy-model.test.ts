import assert from 'node:assert/strict'
import {expectGolden} from '../helpers/golden.js'
import type {ProxyInput} from '../../src/net/kube-proxy/model.js'
import {renderIptables} from '../../src/net/kube-proxy/render.js'
import {
  freshCluster, makeEndpoints, proxyInput, REFERENCE_NOW, simpleEndpoints, simpleservice, subset,
} from './kube-proxy-fixtures.js'

type Style = 'tutorial' | 'modern'

const render = (input: ProxyInput, table?: 'nat' | 'filter' | 'mangle') => renderIptables(input, REFERENCE_NOW, table)
const simple = (style: Style, ...ips: string[]) => proxyInput(style, [simpleservice()], [simpleEndpoints(...ips)])
const grep = (text: string, needle: string) => text.split('\n').filter((line) => line.includes(needle))

describe('kube-proxy model and iptables-save rendering', () => {
  // Golden files copied verbatim from the code blocks of the kube-proxy reference §6.1–§6.3 (the
  // 0-endpoint modern file is §6.3 + the §6.1 REJECT line + §6.1's nat without the service lines).
  describe('worked examples of the reference, byte for byte', () => {
    const cases = [
      {name: 'modern-1-endpoint-nat', input: simple('modern', '172.17.0.3'), table: 'nat' as const},
      {name: 'modern-2-endpoints-nat', input: simple('modern', '172.17.0.3', '172.17.0.4'), table: 'nat' as const},
      {name: 'modern-2-endpoints-all', input: simple('modern', '172.17.0.3', '172.17.0.4')},
      {name: 'modern-0-endpoints-all', input: simple('modern')},
      {name: 'tutorial-1-endpoint-nat', input: simple('tutorial', '172.17.0.3'), table: 'nat' as const},
      {name: 'tutorial-2-endpoints-nat', input: simple('tutorial', '172.17.0.3', '172.17.0.4'), table: 'nat' as const},
    ]
    for (const {name, input, table} of cases) it(name, () => expectGolden('iptables', name, render(input, table)))

    it('modern, three pods: the KUBE-SVC rules of §6.1', () => {
      assert.deepEqual(grep(render(simple('modern', '172.17.0.3', '172.17.0.4', '172.17.0.5')), '-A KUBE-SVC-').slice(1), [
        '-A KUBE-SVC-EXBNZ76JOZU7PBN2 -m comment --comment "default/simpleservice -> 172.17.0.3:9876" -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-EJERYEAV7XNEU6DK',
        '-A KUBE-SVC-EXBNZ76JOZU7PBN2 -m comment --comment "default/simpleservice -> 172.17.0.4:9876" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-ESWIR3TQWELI3T4K',
        '-A KUBE-SVC-EXBNZ76JOZU7PBN2 -m comment --comment "default/simpleservice -> 172.17.0.5:9876" -j KUBE-SEP-I2YSTWHHYYRWFQIJ',
      ])
    })
  })

  describe('`iptables-save | grep simpleservice` (kbe-tutorial.md §4.5)', () => {
    it('tutorial style, one pod: the 4 lines of step 9', () => {
      assert.deepEqual(grep(render(simple('tutorial', '172.17.0.3')), 'simpleservice'), [
        '-A KUBE-SEP-4SQFZS32ZVMTQEZV -s 172.17.0.3/32 -m comment --comment "default/simpleservice:" -j KUBE-MARK-MASQ',
        '-A KUBE-SEP-4SQFZS32ZVMTQEZV -p tcp -m comment --comment "default/simpleservice:" -m tcp -j DNAT --to-destination 172.17.0.3:9876',
        '-A KUBE-SERVICES -d 172.30.228.255/32 -p tcp -m comment --comment "default/simpleservice: cluster IP" -m tcp --dport 80 -j KUBE-SVC-EZC6WLOVQADP4IAW',
        '-A KUBE-SVC-EZC6WLOVQADP4IAW -m comment --comment "default/simpleservice:" -j KUBE-SEP-4SQFZS32ZVMTQEZV',
      ])
    })
    it('tutorial style, two pods: the 7 lines of step 12', () => {
      assert.deepEqual(grep(render(simple('tutorial', '172.17.0.3', '172.17.0.4')), 'simpleservice'), [
        '-A KUBE-SEP-4SQFZS32ZVMTQEZV -s 172.17.0.3/32 -m comment --comment "default/simpleservice:" -j KUBE-MARK-MASQ',
        '-A KUBE-SEP-4SQFZS32ZVMTQEZV -p tcp -m comment --comment "default/simpleservice:" -m tcp -j DNAT --to-destination 172.17.0.3:9876',
        '-A KUBE-SEP-PXYYII6AHMUWKLYX -s 172.17.0.4/32 -m comment --comment "default/simpleservice:" -j KUBE-MARK-MASQ',
        '-A KUBE-SEP-PXYYII6AHMUWKLYX -p tcp -m comment --comment "default/simpleservice:" -m tcp -j DNAT --to-destination 172.17.0.4:9876',
        '-A KUBE-SERVICES -d 172.30.228.255/32 -p tcp -m comment --comment "default/simpleservice: cluster IP" -m tcp --dport 80 -j KUBE-SVC-EZC6WLOVQADP4IAW',
        '-A KUBE-SVC-EZC6WLOVQADP4IAW -m comment --comment "default/simpleservice:" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-4SQFZS32ZVMTQEZV',
        '-A KUBE-SVC-EZC6WLOVQADP4IAW -m comment --comment "default/simpleservice:" -j KUBE-SEP-PXYYII6AHMUWKLYX',
      ])
    })
    it('modern style gives 5 and 8 lines (the extra ! -s masquerade rule)', () => {
      assert.equal(grep(render(simple('modern', '172.17.0.3')), 'simpleservice').length, 5)
      assert.equal(grep(render(simple('modern', '172.17.0.3', '172.17.0.4')), 'simpleservice').length, 8)
    })
  })

  describe('fresh cluster: default/kubernetes and kube-system/kube-dns (golden)', () => {
    for (const style of ['tutorial', 'modern'] as const) {
      it(style, () => {
        const {services, endpoints} = freshCluster()
        expectGolden('iptables', `${style}-fresh-cluster`, render(proxyInput(style, services, endpoints)))
      })
    }
  })

  describe('0 endpoints', () => {
    it('tutorial: empty KUBE-SVC chain and its jump stay in nat, REJECT in filter (golden)', () => {
      const text = render(simple('tutorial'))
      expectGolden('iptables', 'tutorial-0-endpoints-all', text)
      assert.deepEqual(grep(text, 'simpleservice'), [
        '-A KUBE-SERVICES -d 172.30.228.255/32 -p tcp -m comment --comment "default/simpleservice: has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
        '-A KUBE-SERVICES -d 172.30.228.255/32 -p tcp -m comment --comment "default/simpleservice: cluster IP" -m tcp --dport 80 -j KUBE-SVC-EZC6WLOVQADP4IAW',
      ])
      assert.ok(text.includes(':KUBE-SVC-EZC6WLOVQADP4IAW - [0:0]\n'))
    })
    it('modern: only the filter REJECT, nothing in nat', () => {
      assert.deepEqual(grep(render(simple('modern')), 'simpleservice'), [
        '-A KUBE-SERVICES -d 172.30.228.255/32 -p tcp -m comment --comment "default/simpleservice has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
      ])
      assert.equal(grep(render(simple('modern'), 'nat'), 'KUBE-SVC-').length, 0)
    })
    it('not-ready addresses do not count', () => {
      const eps = makeEndpoints('default', 'simpleservice', [subset([], [{port: 9876}], ['172.17.0.3'])])
      assert.equal(render(proxyInput('modern', [simpleservice()], [eps])), render(simple('modern')))
    })
    it('a Service without an Endpoints object is treated as having none', () => {
      assert.equal(render(proxyInput('tutorial', [simpleservice()], [])), render(simple('tutorial')))
    })
  })
})
