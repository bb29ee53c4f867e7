// Services and Endpoints for the describe golden cases: the tutorial's ClusterIP service with one ready pod,
// a NodePort service whose slice has no endpoints, a selector-less service without slices, a LoadBalancer
// with two ports and more than three endpoints, and a service showing kubectl's "+ 0 more..." quirk.
// `sliced` names the services for which the oracle gets EndpointSlices (derived from the Endpoints).
import type {EndpointAddress, Endpoints, KubeObject, Pod, Service} from '../../src/api/types.js'
import {makeEvent, ts} from './describe-fixtures.js'

/** Returns the case services, their Endpoints, which of them have slices, and all objects for the oracle. */
export function makeServiceObjects(now: Date, pod: Pod) {
  const meta = (name: string, ago: number, extra: Partial<Service['metadata']> = {}) =>
    ({name, namespace: 'default', uid: `uid-svc-${name}`, resourceVersion: '1', creationTimestamp: ts(now, ago), ...extra})
  const ipv4 = {ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster', sessionAffinity: 'None'}
  const services: Service[] = [
    {apiVersion: 'v1', kind: 'Service', metadata: meta('simpleservice', 60),
      spec: {ports: [{protocol: 'TCP', port: 80, targetPort: 9876}], selector: {app: 'sise'}, clusterIP: '10.96.146.11', clusterIPs: ['10.96.146.11'], type: 'ClusterIP', ...ipv4},
      status: {loadBalancer: {}}},
    {apiVersion: 'v1', kind: 'Service', metadata: meta('npsvc', 30, {labels: {app: 'np'}}),
      spec: {ports: [{name: 'http', protocol: 'TCP', port: 80, targetPort: 'http', nodePort: 31234}], selector: {app: 'none'}, clusterIP: '10.96.20.20',
        clusterIPs: ['10.96.20.20'], type: 'NodePort', externalTrafficPolicy: 'Cluster', ...ipv4}, status: {loadBalancer: {}}},
    {apiVersion: 'v1', kind: 'Service', metadata: meta('nosel', 30),
      spec: {ports: [{protocol: 'TCP', port: 8080, targetPort: 8080}], clusterIP: '10.96.30.30', clusterIPs: ['10.96.30.30'], type: 'ClusterIP', ...ipv4}, status: {loadBalancer: {}}},
    {apiVersion: 'v1', kind: 'Service', metadata: meta('lbsvc', 900, {labels: {app: 'lb', tier: 'edge'}, annotations: {'example.com/lb-class': 'metal'}}),
      spec: {ports: [{protocol: 'TCP', port: 80, targetPort: 9876, nodePort: 30080}, {name: 'dns', protocol: 'UDP', port: 53, targetPort: 53, nodePort: 30053}],
        selector: {app: 'lb'}, clusterIP: '10.96.40.40', clusterIPs: ['10.96.40.40'], type: 'LoadBalancer', externalIPs: ['198.51.100.7'],
        externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true, ...ipv4, sessionAffinity: 'ClientIP',
        sessionAffinityConfig: {clientIP: {timeoutSeconds: 10800}}},
      status: {loadBalancer: {ingress: [{ip: '203.0.113.10'}]}}},
    {apiVersion: 'v1', kind: 'Service', metadata: meta('three-ready', 120),
      spec: {ports: [{name: 'web', protocol: 'TCP', port: 8080, targetPort: 'web'}], selector: {app: 'three'}, clusterIP: '10.96.50.50', clusterIPs: ['10.96.50.50'], type: 'ClusterIP', ...ipv4},
      status: {loadBalancer: {}}},
  ]
  const address = (ip: string, name?: string): EndpointAddress => ({ip, nodeName: 'minikube', targetRef: {kind: 'Pod', namespace: 'default', name: name ?? `pod-${ip}`, uid: `uid-${ip}`}})
  const range = (from: number, n: number) => Array.from({length: n}, (_, i) => address(`10.244.1.${from + i}`))
  const epMeta = (name: string, ago: number, labels?: Record<string, string>) =>
    ({name, namespace: 'default', uid: `uid-ep-${name}`, resourceVersion: '1', creationTimestamp: ts(now, ago), ...(labels ? {labels} : {}),
      annotations: {'endpoints.kubernetes.io/last-change-trigger-time': ts(now, ago)}})
  const endpoints: Endpoints[] = [
    {apiVersion: 'v1', kind: 'Endpoints', metadata: epMeta('simpleservice', 60),
      subsets: [{addresses: [address('10.244.0.5', pod.metadata.name)], ports: [{port: 9876, protocol: 'TCP'}]}]},
    {apiVersion: 'v1', kind: 'Endpoints', metadata: {...epMeta('npsvc', 30, {app: 'np'}), annotations: undefined}},
    {apiVersion: 'v1', kind: 'Endpoints', metadata: epMeta('lbsvc', 900, {app: 'lb', tier: 'edge'}),
      subsets: [{addresses: range(10, 5), notReadyAddresses: range(20, 1), ports: [{name: 'dns', port: 53, protocol: 'UDP'}, {port: 9876, protocol: 'TCP'}]}]},
    {apiVersion: 'v1', kind: 'Endpoints', metadata: epMeta('three-ready', 120),
      subsets: [{addresses: range(30, 3), notReadyAddresses: range(40, 1), ports: [{name: 'web', port: 8080, protocol: 'TCP'}]}]},
  ]
  const lb = services[3]
  const events = [
    makeEvent(now, lb, 'EnsuringLoadBalancer', 'Ensuring load balancer', 'service-controller', 900),
    makeEvent(now, lb, 'EnsuredLoadBalancer', 'Ensured load balancer', 'service-controller', 890),
    makeEvent(now, endpoints[2], 'FailedToUpdateEndpoint', 'Failed to update endpoint default/lbsvc: Operation cannot be fulfilled', 'endpoint-controller', 880, {type: 'Warning'}),
  ]
  const sliced = new Set(['simpleservice', 'npsvc', 'lbsvc', 'three-ready'])
  const objects: KubeObject[] = [...services, ...endpoints, ...events]
  return {services, endpoints, sliced, objects}
}
