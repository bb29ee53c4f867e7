// Input factories for the kube-proxy tests (kube-proxy's makeTestService style): Services and
// Endpoints built from a few arguments plus an optional function that tweaks the object.
import type {Endpoints, EndpointSubset, Service, ServicePort} from '../../src/api/types.js'
import type {ProxyInput} from '../../src/net/kube-proxy/model.js'

/** The instant of the worked examples in the kube-proxy reference (§6). */
export const REFERENCE_NOW = new Date('2026-11-25T16:38:46Z')

/** Returns a Service; `tweak` may edit it in place. */
export function makeService(ns: string, name: string, clusterIP: string, ports: ServicePort[], tweak?: (svc: Service) => void): Service {
  const svc: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {name, namespace: ns},
    spec: {ports: ports.map((p) => ({protocol: 'TCP', ...p})), clusterIP, type: 'ClusterIP', sessionAffinity: 'None'},
  }
  tweak?.(svc)
  return svc
}

/** Returns an Endpoints object with the given subsets. */
export function makeEndpoints(ns: string, name: string, subsets: EndpointSubset[]): Endpoints {
  return {apiVersion: 'v1', kind: 'Endpoints', metadata: {name, namespace: ns}, subsets}
}

/** Returns one subset: the ready `ips` on `ports`. */
export function subset(ips: string[], ports: {name?: string; port: number; protocol?: string}[], notReady: string[] = []): EndpointSubset {
  const s: EndpointSubset = {ports: ports.map((p) => ({protocol: 'TCP', ...p}))}
  if (ips.length > 0) s.addresses = ips.map((ip) => ({ip}))
  if (notReady.length > 0) s.notReadyAddresses = notReady.map((ip) => ({ip}))
  return s
}

/** The tutorial's Service: default/simpleservice, 172.30.228.255:80 → 9876, unnamed port. */
export function simpleservice(tweak?: (svc: Service) => void): Service {
  return makeService('default', 'simpleservice', '172.30.228.255', [{port: 80, targetPort: 9876}], tweak)
}

/** The Endpoints of simpleservice with the given ready pod IPs (none → no subsets, as the controller writes). */
export function simpleEndpoints(...ips: string[]): Endpoints {
  return makeEndpoints('default', 'simpleservice', ips.length === 0 ? [] : [subset(ips, [{port: 9876}])])
}

/** The Services and Endpoints of a fresh cluster: default/kubernetes and kube-system/kube-dns. */
export function freshCluster(): {services: Service[]; endpoints: Endpoints[]} {
  const kubernetes = makeService('default', 'kubernetes', '172.30.0.1', [{name: 'https', port: 443, targetPort: 8443}])
  const dnsPorts = [
    {name: 'dns', port: 53, protocol: 'UDP', targetPort: 53},
    {name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53},
    {name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153},
  ]
  const kubeDns = makeService('kube-system', 'kube-dns', '172.30.0.10', dnsPorts)
  return {
    services: [kubeDns, kubernetes],
    endpoints: [
      makeEndpoints('default', 'kubernetes', [subset(['192.168.49.2'], [{name: 'https', port: 8443}])]),
      makeEndpoints('kube-system', 'kube-dns', [
        subset(['172.17.0.2'], [
          {name: 'dns-tcp', port: 53, protocol: 'TCP'},
          {name: 'dns', port: 53, protocol: 'UDP'},
          {name: 'metrics', port: 9153, protocol: 'TCP'},
        ]),
      ]),
    ],
  }
}

/** Returns a ProxyInput for `style` with the reference cluster CIDR. */
export function proxyInput(style: 'tutorial' | 'modern', services: Service[], endpoints: Endpoints[]): ProxyInput {
  return {services, endpoints, style, clusterCIDR: '172.17.0.0/16'}
}
