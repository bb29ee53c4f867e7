import assert from 'node:assert/strict'
import {candidateNames, resolveName, type DnsContext} from '../../src/net/dns.js'
import {makeEndpoints, makeService, simpleEndpoints, simpleservice, subset} from './kube-proxy-fixtures.js'

const thesvcOther = makeService('other', 'thesvc', '172.30.251.137', [{port: 80, targetPort: 9876}])
const mehdb = makeService('default', 'mehdb', 'None', [{port: 9876}])
const mehdbEndpoints = makeEndpoints('default', 'mehdb', [
  {addresses: [{ip: '172.17.0.7', hostname: 'mehdb-0'}, {ip: '172.17.0.8', hostname: 'mehdb-1'}], notReadyAddresses: [{ip: '172.17.0.9', hostname: 'mehdb-2'}], ports: [{port: 9876}]},
])
const emptyHeadless = makeService('default', 'nobody', 'None', [{port: 80}])
const external = makeService('default', 'ext', '', [{port: 80}], (s) => Object.assign(s.spec, {type: 'ExternalName', externalName: 'example.com'}))
const services = [simpleservice(), thesvcOther, mehdb, emptyHeadless, external]
const endpoints = [simpleEndpoints('172.17.0.3'), mehdbEndpoints, makeEndpoints('default', 'nobody', [subset([], [{port: 80}])])]
const inPod = (namespace: string): DnsContext => ({services, endpoints, callerNamespace: namespace, hosts: {localhost: '127.0.0.1', 'jumpod': '172.17.0.5'}})
const onNode: DnsContext = {services, endpoints, hosts: {minikube: '127.0.1.1'}}

const CASES: {name: string; ctx: DnsContext; want: string | undefined}[] = [
  {name: 'simpleservice', ctx: inPod('default'), want: '172.30.228.255'},
  {name: 'simpleservice.default', ctx: inPod('default'), want: '172.30.228.255'},
  {name: 'simpleservice.default.svc', ctx: inPod('other'), want: '172.30.228.255'},
  {name: 'simpleservice.default.svc.cluster.local', ctx: inPod('other'), want: '172.30.228.255'},
  {name: 'simpleservice.default.svc.cluster.local.', ctx: inPod('other'), want: '172.30.228.255'},
  {name: 'SimpleService.Default', ctx: inPod('default'), want: '172.30.228.255'},
  {name: 'simpleservice', ctx: inPod('other'), want: undefined},
  {name: 'simpleservice.', ctx: inPod('default'), want: undefined},
  {name: 'thesvc.other', ctx: inPod('default'), want: '172.30.251.137'},
  {name: 'thesvc', ctx: inPod('other'), want: '172.30.251.137'},
  {name: 'mehdb', ctx: inPod('default'), want: '172.17.0.7'},
  {name: 'mehdb-1.mehdb', ctx: inPod('default'), want: '172.17.0.8'},
  {name: 'mehdb-2.mehdb', ctx: inPod('default'), want: undefined},
  {name: 'nobody', ctx: inPod('default'), want: undefined},
  {name: 'ext', ctx: inPod('default'), want: undefined},
  {name: '172-17-0-3.default.pod.cluster.local', ctx: inPod('default'), want: '172.17.0.3'},
  {name: '172.30.228.255', ctx: onNode, want: '172.30.228.255'},
  {name: 'localhost', ctx: inPod('default'), want: '127.0.0.1'},
  {name: 'jumpod', ctx: inPod('default'), want: '172.17.0.5'},
  {name: 'nosuch', ctx: inPod('default'), want: undefined},
  // The node does not use the cluster DNS: no Service name resolves there.
  {name: 'simpleservice', ctx: onNode, want: undefined},
  {name: 'simpleservice.default.svc.cluster.local', ctx: onNode, want: undefined},
  {name: 'localhost', ctx: onNode, want: '127.0.0.1'},
  {name: 'minikube', ctx: onNode, want: '127.0.1.1'},
]

describe('resolveName', () => {
  for (const c of CASES) {
    it(`${c.name} ${c.ctx.callerNamespace === undefined ? 'on the node' : `in a pod of ${c.ctx.callerNamespace}`}`, () => {
      const result = resolveName(c.name, c.ctx)
      assert.equal('ip' in result ? result.ip : undefined, c.want)
    })
  }

  it('answers a headless Service with every ready address', () => {
    const result = resolveName('mehdb', inPod('default'))
    assert.ok('ips' in result)
    assert.deepEqual(result.ips, ['172.17.0.7', '172.17.0.8'])
    assert.equal(result.fqdn, 'mehdb.default.svc.cluster.local')
  })

  it('expands the search path before the bare name (ndots:5), and not for absolute names', () => {
    assert.deepEqual(candidateNames('thesvc.other', 'default'), [
      'thesvc.other.default.svc.cluster.local', 'thesvc.other.svc.cluster.local', 'thesvc.other.cluster.local', 'thesvc.other',
    ])
    assert.deepEqual(candidateNames('a.b.c.d.e.f', 'x'), ['a.b.c.d.e.f', 'a.b.c.d.e.f.x.svc.cluster.local', 'a.b.c.d.e.f.svc.cluster.local', 'a.b.c.d.e.f.cluster.local'])
    assert.deepEqual(candidateNames('simpleservice.', 'default'), ['simpleservice'])
  })
})
