import assert from 'node:assert/strict'
import {
  base32Encode, chainHash, endpointChainName, externalChainName, joinHostPort, serviceChainName, servicePortName,
} from '../../src/net/kube-proxy/chain-names.js'

describe('kube-proxy chain names', () => {
  describe('base32Encode (RFC 4648 §10 test vectors)', () => {
    const cases = [
      {given: '', want: ''},
      {given: 'f', want: 'MY======'},
      {given: 'fo', want: 'MZXQ===='},
      {given: 'foo', want: 'MZXW6==='},
      {given: 'foob', want: 'MZXW6YQ='},
      {given: 'fooba', want: 'MZXW6YTB'},
      {given: 'foobar', want: 'MZXW6YTBOI======'},
    ]
    for (const {given, want} of cases) {
      it(`encodes ${JSON.stringify(given)}`, () => assert.equal(base32Encode(new TextEncoder().encode(given)), want))
    }
    it('encodes every bit pattern of a byte', () => {
      assert.equal(base32Encode(Uint8Array.from([0xff, 0x00, 0xaa, 0x55, 0x01])), '74AKUVIB')
    })
  })

  describe('servicePortName', () => {
    type Given = [namespace: string, name: string, portName: string | undefined, style: 'modern' | 'tutorial']
    const cases: {name: string; given: Given; want: string}[] = [
      {name: 'modern unnamed', given: ['default', 'simpleservice', undefined, 'modern'], want: 'default/simpleservice'},
      {name: 'modern empty name', given: ['default', 'simpleservice', '', 'modern'], want: 'default/simpleservice'},
      {name: 'modern named', given: ['ns1', 'svc1', 'p80', 'modern'], want: 'ns1/svc1:p80'},
      {name: 'tutorial unnamed keeps the colon', given: ['default', 'simpleservice', undefined, 'tutorial'], want: 'default/simpleservice:'},
      {name: 'tutorial named', given: ['kube-system', 'kube-dns', 'dns', 'tutorial'], want: 'kube-system/kube-dns:dns'},
    ]
    for (const {name, given, want} of cases) it(name, () => assert.equal(servicePortName(...given), want))
  })

  // Every verification vector of the kube-proxy reference (§1.3), plus a real-cluster pair (§2.3).
  describe('hash vectors', () => {
    const cases = [
      {name: 'tutorial SVC', given: () => serviceChainName('default/simpleservice:', 'tcp'), want: 'KUBE-SVC-EZC6WLOVQADP4IAW'},
      {name: 'tutorial SEP .3', given: () => endpointChainName('default/simpleservice:', 'tcp', '172.17.0.3:9876'), want: 'KUBE-SEP-4SQFZS32ZVMTQEZV'},
      {name: 'tutorial SEP .4', given: () => endpointChainName('default/simpleservice:', 'tcp', '172.17.0.4:9876'), want: 'KUBE-SEP-PXYYII6AHMUWKLYX'},
      {name: 'tutorial SEP .5', given: () => endpointChainName('default/simpleservice:', 'tcp', '172.17.0.5:9876'), want: 'KUBE-SEP-TU3H6AGAA6QH74FN'},
      {name: 'modern SVC', given: () => serviceChainName('default/simpleservice', 'tcp'), want: 'KUBE-SVC-EXBNZ76JOZU7PBN2'},
      {name: 'modern EXT shares the hash', given: () => externalChainName('default/simpleservice', 'tcp'), want: 'KUBE-EXT-EXBNZ76JOZU7PBN2'},
      {name: 'modern SEP .3', given: () => endpointChainName('default/simpleservice', 'tcp', '172.17.0.3:9876'), want: 'KUBE-SEP-EJERYEAV7XNEU6DK'},
      {name: 'modern SEP .4', given: () => endpointChainName('default/simpleservice', 'tcp', '172.17.0.4:9876'), want: 'KUBE-SEP-ESWIR3TQWELI3T4K'},
      {name: 'modern SEP .5', given: () => endpointChainName('default/simpleservice', 'tcp', '172.17.0.5:9876'), want: 'KUBE-SEP-I2YSTWHHYYRWFQIJ'},
      {name: 'upstream named port', given: () => serviceChainName('ns1/svc1:p80', 'tcp'), want: 'KUBE-SVC-XPGD46QRK7WJZT7O'},
      {name: 'upstream named port SEP', given: () => endpointChainName('ns1/svc1:p80', 'tcp', '10.180.0.1:80'), want: 'KUBE-SEP-SXIVWICOYRO3J4NJ'},
      {name: 'upstream ns5', given: () => serviceChainName('ns5/svc5:p80', 'tcp'), want: 'KUBE-SVC-NUKIZ6OKUXPJNT4C'},
      {name: 'upstream unnamed port', given: () => serviceChainName('ns1/svc1', 'tcp'), want: 'KUBE-SVC-AQI2S6QIMU7PVVRP'},
      {name: 'upstream unnamed SEP .1', given: () => endpointChainName('ns1/svc1', 'tcp', '10.0.1.1:80'), want: 'KUBE-SEP-3JOIVZTXZZRGORX4'},
      {name: 'upstream unnamed SEP .2', given: () => endpointChainName('ns1/svc1', 'tcp', '10.0.1.2:80'), want: 'KUBE-SEP-IO5XOSKPAXIFQXAJ'},
      {name: 'upstream unnamed SEP .3', given: () => endpointChainName('ns1/svc1', 'tcp', '10.0.1.3:80'), want: 'KUBE-SEP-XGJFVO3L2O5SRFNT'},
      {name: 'kind kube-dns UDP', given: () => serviceChainName('kube-system/kube-dns:dns', 'UDP'), want: 'KUBE-SVC-TCOU7JCQXEZGVUNU'},
      {name: 'kind kube-dns UDP SEP', given: () => endpointChainName('kube-system/kube-dns:dns', 'udp', '10.244.0.3:53'), want: 'KUBE-SEP-6E7XQMQ4RAYOWTTM'},
    ]
    for (const {name, given, want} of cases) it(name, () => assert.equal(given(), want))

    it('lower-cases the protocol (upper case would give 5ZXPH4BXPGP7MVL5)', () => {
      assert.equal(chainHash('default/simpleservice:TCP'), '5ZXPH4BXPGP7MVL5')
      assert.equal(serviceChainName('default/simpleservice:', 'TCP'), 'KUBE-SVC-EZC6WLOVQADP4IAW')
    })
  })

  describe('joinHostPort', () => {
    it('joins IPv4', () => assert.equal(joinHostPort('172.17.0.3', 9876), '172.17.0.3:9876'))
    it('brackets IPv6', () => assert.equal(joinHostPort('fd00::1', 80), '[fd00::1]:80'))
  })
})
