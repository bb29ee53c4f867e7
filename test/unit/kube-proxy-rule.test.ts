import assert from 'node:assert/strict'
import {quoteSaveString, ruleComment, ruleText, type Rule} from '../../src/net/kube-proxy/rule.js'
import {comment, host, jumpTo, portMatch, rule} from '../../src/net/kube-proxy/rule-set.js'
import {probabilityThreshold} from '../../src/net/kube-proxy/probability.js'

describe('kube-proxy rule text (iptables-save normalisation, reference §4)', () => {
  describe('quoteSaveString', () => {
    const cases = [
      {given: 'old5', want: 'old5'},
      {given: 'A_b-9', want: 'A_b-9'},
      {given: 'default/simpleservice', want: '"default/simpleservice"'},
      {given: 'a b', want: '"a b"'},
      {given: 'say "hi"', want: '"say \\"hi\\""'},
      {given: "it's", want: '"it\\\'s"'},
      {given: 'back\\slash', want: '"back\\\\slash"'},
      {given: '', want: '""'},
    ]
    for (const {given, want} of cases) it(JSON.stringify(given), () => assert.equal(quoteSaveString(given), want))
  })

  describe('host', () => {
    const cases = [
      {given: '172.30.228.255', want: '172.30.228.255/32'},
      {given: '172.17.0.0/16', want: '172.17.0.0/16'},
      {given: '172.17.0.5/16', want: '172.17.0.0/16'},
      {given: '10.1.2.3/8', want: '10.0.0.0/8'},
      {given: '0.0.0.0/0', want: '0.0.0.0/0'},
    ]
    for (const {given, want} of cases) it(given, () => assert.equal(host(given).cidr, want))
  })

  describe('ruleText', () => {
    const fifty = '0.5000000000'
    const cases: {name: string; given: Rule; want: string}[] = [
      {
        name: 'fixed part first: ! -s, -d, -p, then matches in written order',
        given: rule('KUBE-SVC-X', [comment('ns/svc cluster IP'), portMatch('tcp', 80)], jumpTo('KUBE-MARK-MASQ'), {
          source: host('172.17.0.0/16', true), destination: host('172.30.0.1'), protocol: 'tcp',
        }),
        want: '-A KUBE-SVC-X ! -s 172.17.0.0/16 -d 172.30.0.1/32 -p tcp -m comment --comment "ns/svc cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ',
      },
      {
        name: 'UDP and SCTP port matches',
        given: rule('C', [portMatch('udp', 53), portMatch('sctp')], jumpTo('T'), {protocol: 'udp'}),
        want: '-A C -p udp -m udp --dport 53 -m sctp -j T',
      },
      {
        name: 'statistic prints the quantised value',
        given: rule('C', [{kind: 'statistic', mode: 'random', written: fifty, threshold: probabilityThreshold(fifty)}], jumpTo('T')),
        want: '-A C -m statistic --mode random --probability 0.50000000000 -j T',
      },
      {name: 'MARK --or-mark', given: rule('C', [], {kind: 'MARK', value: 0x4000, mask: 0x4000}), want: '-A C -j MARK --set-xmark 0x4000/0x4000'},
      {name: 'MARK --xor-mark', given: rule('C', [], {kind: 'MARK', value: 0x4000, mask: 0}), want: '-A C -j MARK --set-xmark 0x4000/0x0'},
      {name: 'MARK --set-mark', given: rule('C', [], {kind: 'MARK', value: 1, mask: 0xffffffff}), want: '-A C -j MARK --set-xmark 0x1/0xffffffff'},
      {
        name: 'negated mark match',
        given: rule('C', [{kind: 'mark', negate: true, value: 0x4000, mask: 0x4000}], {kind: 'RETURN'}),
        want: '-A C -m mark ! --mark 0x4000/0x4000 -j RETURN',
      },
      {name: 'mark match without mask', given: rule('C', [{kind: 'mark', negate: false, value: 0x10, mask: 0xffffffff}], {kind: 'ACCEPT'}), want: '-A C -m mark --mark 0x10 -j ACCEPT'},
      {
        name: 'REJECT gains its default reject-with',
        given: rule('C', [], {kind: 'REJECT', rejectWith: 'icmp-port-unreachable'}),
        want: '-A C -j REJECT --reject-with icmp-port-unreachable',
      },
      {
        name: 'conntrack states print in libxt_conntrack order',
        given: rule('C', [{kind: 'conntrack', negate: true, states: ['DNAT', 'ESTABLISHED', 'RELATED']}], {kind: 'DROP'}),
        want: '-A C -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
      },
      {
        name: 'addrtype prints --src-type before --dst-type',
        given: rule('C', [{kind: 'addrtype', dstType: 'LOCAL', srcType: 'LOCAL'}], jumpTo('T')),
        want: '-A C -m addrtype --src-type LOCAL --dst-type LOCAL -j T',
      },
      {
        name: 'recent --rcheck is reordered and gains mask and rsource',
        given: rule('C', [{kind: 'recent', mode: 'rcheck', name: 'KUBE-SEP-X', seconds: 10800, reap: true}], jumpTo('KUBE-SEP-X')),
        want: '-A C -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-X --mask 255.255.255.255 --rsource -j KUBE-SEP-X',
      },
      {
        name: 'recent --set before the DNAT port match',
        given: rule('KUBE-SEP-X', [comment('a/b'), {kind: 'recent', mode: 'set', name: 'KUBE-SEP-X'}, portMatch('tcp')], {kind: 'DNAT', toDestination: '10.0.0.1:80'}, {protocol: 'tcp'}),
        want: '-A KUBE-SEP-X -p tcp -m comment --comment "a/b" -m recent --set --name KUBE-SEP-X --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 10.0.0.1:80',
      },
      {name: 'MASQUERADE --random-fully', given: rule('C', [], {kind: 'MASQUERADE', randomFully: true}), want: '-A C -j MASQUERADE --random-fully'},
      {name: 'plain MASQUERADE', given: rule('C', [], {kind: 'MASQUERADE', randomFully: false}), want: '-A C -j MASQUERADE'},
    ]
    for (const {name, given, want} of cases) it(name, () => assert.equal(ruleText(given), want))
  })

  it('ruleComment returns the first comment', () => {
    assert.equal(ruleComment(rule('C', [portMatch('tcp'), comment('x y')], jumpTo('T'))), 'x y')
    assert.equal(ruleComment(rule('C', [], jumpTo('T'))), undefined)
  })
})
