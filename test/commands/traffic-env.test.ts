// The container environment kbe builds (src/cluster/container-env.ts) and the per-invocation random
// source of the traffic commands: kubelet's service link names and order, downward API fields,
// $(VAR) expansion, docker's PATH/HOSTNAME/TERM slots and the image ENV, HOME from runc; and
// successive `kbe curl`s through a 2- and 3-endpoint VIP split at the printed probabilities.
import assert from 'node:assert/strict'
import type {Pod, Service} from '../../src/api/types.js'
import {containerEnvironment, expandEnvValue, imageEnv, podFieldValue, serviceEnvironment, serviceLinkVariables} from '../../src/cluster/container-env.js'
import {trafficRandom} from '../../src/cli/container-network.js'
import {buildRuleSet} from '../../src/net/kube-proxy/model.js'
import {tracePacket} from '../../src/net/trace/tracer.js'
import {freshCluster, makeService, proxyInput, simpleEndpoints, simpleservice} from '../unit/kube-proxy-fixtures.js'

const created = (svc: Service, at: string): Service => ({...svc, metadata: {...svc.metadata, creationTimestamp: at}})
const KUBERNETES = created(makeService('default', 'kubernetes', '172.30.0.1', [{name: 'https', port: 443, targetPort: 8443}]), '2026-11-25T16:29:00Z')
const SIMPLE = created(simpleservice(), '2026-11-25T16:30:02Z')
const LATER = created(makeService('default', 'later', '172.30.9.9', [{port: 80}]), '2026-11-25T16:40:00Z')
const OTHER_NS = created(makeService('other', 'thesvc', '172.30.251.137', [{port: 80}]), '2026-11-25T16:29:30Z')
const HEADLESS = created(makeService('default', 'headless', 'None', [{port: 80}]), '2026-11-25T16:29:30Z')

function pod(extra: Partial<Pod['spec']> = {}, env: NonNullable<Pod['spec']['containers'][0]['env']> = []): Pod {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {name: 'envs', namespace: 'default', uid: 'u-1', labels: {app: 'x'}},
    spec: {nodeName: 'minikube', serviceAccountName: 'default', containers: [{name: 'sise', image: 'mhausenblas/simpleservice:0.5.0', env}], ...extra},
    status: {podIP: '172.17.0.3', hostIP: '192.168.99.100', podIPs: [{ip: '172.17.0.3'}]},
  }
}

describe('container environment', () => {
  it('lists a multi-port Service the way kubelet envvars.FromServices does', () => {
    const dns = makeService('kube-system', 'kube-dns', '172.30.0.10', [
      {name: 'dns', port: 53, protocol: 'UDP', targetPort: 53}, {name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53}, {name: 'metrics', port: 9153, targetPort: 9153},
    ])
    assert.deepEqual(serviceLinkVariables(dns).map(([k, v]) => `${k}=${v}`), [
      'KUBE_DNS_SERVICE_HOST=172.30.0.10', 'KUBE_DNS_SERVICE_PORT=53', 'KUBE_DNS_SERVICE_PORT_DNS=53', 'KUBE_DNS_SERVICE_PORT_DNS_TCP=53', 'KUBE_DNS_SERVICE_PORT_METRICS=9153',
      'KUBE_DNS_PORT=udp://172.30.0.10:53',
      'KUBE_DNS_PORT_53_UDP=udp://172.30.0.10:53', 'KUBE_DNS_PORT_53_UDP_PROTO=udp', 'KUBE_DNS_PORT_53_UDP_PORT=53', 'KUBE_DNS_PORT_53_UDP_ADDR=172.30.0.10',
      'KUBE_DNS_PORT_53_TCP=tcp://172.30.0.10:53', 'KUBE_DNS_PORT_53_TCP_PROTO=tcp', 'KUBE_DNS_PORT_53_TCP_PORT=53', 'KUBE_DNS_PORT_53_TCP_ADDR=172.30.0.10',
      'KUBE_DNS_PORT_9153_TCP=tcp://172.30.0.10:9153', 'KUBE_DNS_PORT_9153_TCP_PROTO=tcp', 'KUBE_DNS_PORT_9153_TCP_PORT=9153', 'KUBE_DNS_PORT_9153_TCP_ADDR=172.30.0.10',
    ])
    assert.deepEqual(serviceLinkVariables(HEADLESS), [])
  })

  const SERVICES: {name: string; pod: Pod; at?: string; want: string[]}[] = [
    {name: 'own namespace + kubernetes, by name, only those that existed', pod: pod(), at: '2026-11-25T16:31:00Z', want: ['KUBERNETES', 'SIMPLESERVICE']},
    {name: 'no start time: every Service', pod: pod(), want: ['KUBERNETES', 'LATER', 'SIMPLESERVICE']},
    {name: 'enableServiceLinks: false keeps only kubernetes', pod: pod({enableServiceLinks: false}), want: ['KUBERNETES']},
    {name: 'another namespace: its Services + default/kubernetes', pod: {...pod(), metadata: {...pod().metadata, namespace: 'other'}}, want: ['KUBERNETES', 'THESVC']},
  ]
  for (const c of SERVICES) {
    it(`service links: ${c.name}`, () => {
      const vars = serviceEnvironment(c.pod, [KUBERNETES, SIMPLE, LATER, OTHER_NS, HEADLESS], c.at)
      assert.deepEqual([...new Set(vars.filter(([k]) => k.endsWith('_SERVICE_HOST')).map(([k]) => k.replace('_SERVICE_HOST', '')))], c.want)
    })
  }

  const FIELDS: {path: string; want: string | undefined}[] = [
    {path: 'metadata.name', want: 'envs'}, {path: 'metadata.namespace', want: 'default'}, {path: 'metadata.uid', want: 'u-1'},
    {path: "metadata.labels['app']", want: 'x'}, {path: 'spec.nodeName', want: 'minikube'}, {path: 'spec.serviceAccountName', want: 'default'},
    {path: 'status.podIP', want: '172.17.0.3'}, {path: 'status.hostIP', want: '192.168.99.100'}, {path: 'status.podIPs', want: '172.17.0.3'},
    {path: 'spec.nope', want: undefined},
  ]
  for (const c of FIELDS) it(`fieldRef ${c.path}`, () => assert.equal(podFieldValue(pod(), c.path), c.want))

  const EXPANSION: {value: string; want: string}[] = [
    {value: 'hello $(A)', want: 'hello 1'}, {value: '$(MISSING) stays', want: '$(MISSING) stays'}, {value: '$$(A) escaped', want: '$(A) escaped'}, {value: 'plain $A', want: 'plain $A'},
  ]
  for (const c of EXPANSION) it(`expands ${c.value}`, () => assert.equal(expandEnvValue(c.value, new Map([['A', '1']])), c.want))

  it('orders the environ like docker: PATH, HOSTNAME, TERM, pod env, service links, image ENV, HOME', () => {
    const envs = pod({}, [{name: 'SIMPLE_SERVICE_VERSION', value: '1.0'}, {name: 'LANG', value: 'en_US.UTF-8'}, {name: 'ME', valueFrom: {fieldRef: {fieldPath: 'metadata.name'}}}])
    const env = containerEnvironment(envs, envs.spec.containers[0], [KUBERNETES], {tty: true})
    assert.deepEqual(env.map(([k, v]) => `${k}=${v}`), [
      'PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HOSTNAME=envs', 'TERM=xterm',
      'SIMPLE_SERVICE_VERSION=1.0', 'LANG=en_US.UTF-8', 'ME=envs',
      'KUBERNETES_SERVICE_HOST=172.30.0.1', 'KUBERNETES_SERVICE_PORT=443', 'KUBERNETES_SERVICE_PORT_HTTPS=443', 'KUBERNETES_PORT=tcp://172.30.0.1:443',
      'KUBERNETES_PORT_443_TCP=tcp://172.30.0.1:443', 'KUBERNETES_PORT_443_TCP_PROTO=tcp', 'KUBERNETES_PORT_443_TCP_PORT=443', 'KUBERNETES_PORT_443_TCP_ADDR=172.30.0.1',
      'GPG_KEY=C01E1CAD5EA2C4F0B8E3571504C367C218ADD4FF', 'PYTHON_VERSION=2.7.13', 'PYTHON_PIP_VERSION=9.0.1', 'REFRESHED_AT=2017-04-24T13:50', 'HOME=/root',
    ])
  })

  it('knows the ENV of the tutorial images', () => {
    assert.deepEqual(imageEnv('centos:7'), [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']])
    assert.equal(imageEnv('docker.io/library/nginx:1.27').find(([k]) => k === 'NGINX_VERSION')?.[1], '1.27.5')
    assert.deepEqual(imageEnv('quay.io/openshiftlabs/simpleservice:0.5.0'), imageEnv('mhausenblas/simpleservice:0.5.0'))
  })
})

describe('traffic commands: successive requests split over the endpoints', () => {
  const CASES: {ips: string[]; runs: number}[] = [{ips: ['172.17.0.3', '172.17.0.4'], runs: 3000}, {ips: ['172.17.0.3', '172.17.0.4', '172.17.0.5'], runs: 3000}]
  for (const c of CASES) {
    it(`${c.ips.length} endpoints: one kbe curl per second with the same KBE_SEED spreads evenly`, () => {
      const fresh = freshCluster()
      const ruleSet = buildRuleSet(proxyInput('tutorial', [...fresh.services, simpleservice()], [...fresh.endpoints, simpleEndpoints(...c.ips)]))
      const counts = new Map<string, number>()
      for (let i = 0; i < c.runs; i++) {
        const random = trafficRandom(7, new Date(Date.parse('2026-11-25T16:30:00Z') + i * 1000))
        const trace = tracePacket(ruleSet, {protocol: 'tcp', destination: '172.30.228.255', destinationPort: 80, origin: 'node'}, random, {podIPs: c.ips})
        counts.set(trace.destination.ip, (counts.get(trace.destination.ip) ?? 0) + 1)
      }
      const expected = c.runs / c.ips.length
      // 5 standard deviations of a binomial count: fails by chance far less than once in a million runs.
      const tolerance = 5 * Math.sqrt(c.runs * (1 / c.ips.length) * (1 - 1 / c.ips.length))
      for (const ip of c.ips) assert.ok(Math.abs((counts.get(ip) ?? 0) - expected) < tolerance, `${ip}: ${counts.get(ip)} of ${c.runs}`)
    })
  }
})
