// The golden cases of the `kubectl get` table engine: each names the kubectl command it mirrors, the
// pinned `now`, the groups (objects in apiserver order: namespace, then name) and the flags. Cases
// named `verified-*` compare with text copied from the reference's VERIFIED samples; the others' golden
// files are the real kubectl's stdout, rendered through the oracle from these objects (kubectl does the
// layout; the cells, served by the stand-in server, were checked against printers.go).
import type {Endpoints, KubeObject, Node, Service} from '../../src/api/types.js'
import type {TableGroup, TableOptions} from '../../src/printers/table/engine.js'
import {at, DAY, lifecyclePods, makeEndpoints, makeEvent, makeNamespace, makeNode, makePod, makeService, meta, seed, ts} from './table-fixtures.js'

export interface GoldenCase {
  name: string
  /** The kubectl command line the case mirrors (what the oracle ran). */
  kubectl: string
  now: Date
  groups: TableGroup[]
  options?: Partial<Omit<TableOptions, 'now'>>
}

/** Returns the table options of a case: kubectl's defaults overridden by the case's flags. */
export function caseOptions(c: GoldenCase): TableOptions {
  return {now: c.now, wide: false, noHeaders: false, showLabels: false, labelColumns: [], allNamespaces: false, showKind: false, ...c.options}
}

const core = (kind: string, ...objects: KubeObject[]): TableGroup => ({kind, group: '', namespaced: kind !== 'Node' && kind !== 'Namespace', objects})
const apps = (kind: string, ...objects: KubeObject[]): TableGroup => ({kind, group: 'apps', namespaced: true, objects})
const byName = (objects: KubeObject[]): KubeObject[] => [...objects].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1))

const {podRcsise, pod7wl4m, podLqx8b} = seed

const manyEndpoints: Endpoints = makeEndpoints('web', 40, [
  {addresses: [{ip: '10.244.0.21'}, {ip: '10.244.0.22'}, {ip: '10.244.0.23'}], notReadyAddresses: [{ip: '10.244.0.29'}], ports: [{name: 'http', port: 8080, protocol: 'TCP'}, {name: 'metrics', port: 9090, protocol: 'TCP'}]},
])
const headlessEndpoints: Endpoints = makeEndpoints('headless', 40, [{addresses: [{ip: '10.244.0.31'}, {ip: '10.244.0.32'}]}])
const ipv6Endpoints: Endpoints = makeEndpoints('v6', 40, [{addresses: [{ip: 'fd00:10:244::5'}], ports: [{port: 80, protocol: 'TCP'}]}])
const notReadyEndpoints: Endpoints = makeEndpoints('warming', 40, [{notReadyAddresses: [{ip: '10.244.0.41'}], ports: [{port: 80, protocol: 'TCP'}]}])

const extraServices: Service[] = [
  makeService('ext', 90, {type: 'ExternalName', externalName: 'example.com', clusterIPs: undefined}),
  makeService('headless', 90, {clusterIP: 'None', clusterIPs: ['None'], selector: {app: 'db'}, ports: [{protocol: 'TCP', port: 5432, targetPort: 5432}]}),
  makeService('lb-ready', 90, {type: 'LoadBalancer', clusterIPs: ['10.96.50.50'], ports: [{protocol: 'TCP', port: 443, targetPort: 8443, nodePort: 31443}], selector: {app: 'web'}}, undefined, {loadBalancer: {ingress: [{ip: '203.0.113.10'}, {hostname: 'a1b2c3d4e5f6.elb.us-east-1.amazonaws.com'}]}}),
  makeService('np-external', 90, {type: 'NodePort', clusterIPs: ['10.96.60.60'], externalIPs: ['198.51.100.7', '198.51.100.8'], ports: [{protocol: 'TCP', port: 80, targetPort: 80, nodePort: 30081}], selector: {app: 'web'}}),
  makeService('noports', 90, {clusterIPs: ['10.96.70.70'], selector: {app: 'web'}}),
]

const nodes: Node[] = [
  makeNode('minikube', 3 * DAY),
  makeNode('worker-a', 2 * DAY, {labels: {'kubernetes.io/role': 'node', 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/ingress': ''}, unschedulable: true, addresses: [{type: 'InternalIP', address: '192.168.49.3'}, {type: 'ExternalIP', address: '203.0.113.3'}]}),
  makeNode('worker-b', 2 * DAY, {labels: {}, ready: 'False', addresses: [{type: 'InternalIP', address: '192.168.49.4'}]}),
  makeNode('worker-c', 5 * 3600, {labels: {}, ready: null, addresses: []}),
]

const wideEvents = [
  ...seed.events.slice(0, 2),
  makeEvent('Pod', 'rcsise-h7xqz', 8, 'BackOff', '  Back-off restarting failed container sise in pod rcsise-h7xqz_default\nsecond line  \n', 'kubelet', 30, {type: 'Warning', count: 5, firstTimestamp: ts(100), source: {component: 'kubelet', host: 'minikube'}, involvedObject: {kind: 'Pod', namespace: 'default', name: 'rcsise-h7xqz', fieldPath: 'spec.containers{sise}'}}),
]

const configMap: KubeObject = {apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('kube-root-ca.crt', 3 * DAY), data: {'ca.crt': 'x'}}

/** Every golden case, VERIFIED ones first. */
export const goldenCases: GoldenCase[] = [
  {name: 'verified-rc-svc-ep', kubectl: 'get rc,svc,ep', now: at(3), options: {showKind: true}, groups: [
    core('ReplicationController', seed.rcsise), core('Service', seed.kubernetes, seed.simpleservice), core('Endpoints', seed.epKubernetes, seed.epSimpleservice)]},
  {name: 'verified-pods-wide', kubectl: 'get pods -o wide', now: at(3), options: {wide: true}, groups: [core('Pod', podRcsise, pod7wl4m)]},
  {name: 'verified-pods-svc-no-headers', kubectl: 'get pods,svc --no-headers', now: at(10), options: {noHeaders: true, showKind: true}, groups: [
    core('Pod', podRcsise, pod7wl4m), core('Service', seed.kubernetes, seed.simpleservice)]},
  {name: 'verified-pods-all-namespaces', kubectl: 'get pods -A', now: at(10), options: {allNamespaces: true}, groups: [core('Pod', podRcsise, pod7wl4m, podLqx8b)]},
  {name: 'verified-svc-wide-show-labels', kubectl: 'get svc -o wide --show-labels', now: at(3), options: {wide: true, showLabels: true}, groups: [core('Service', seed.kubernetes, seed.simpleservice)]},
  {name: 'verified-pods-label-columns', kubectl: 'get pods -L app -L env,pod-template-hash', now: at(7), options: {labelColumns: ['app', 'env', 'pod-template-hash']}, groups: [core('Pod', podRcsise, pod7wl4m)]},
  {name: 'verified-rc-wide', kubectl: 'get rc -o wide', now: at(16), options: {wide: true}, groups: [core('ReplicationController', seed.rcsise)]},
  {name: 'verified-deploy-wide', kubectl: 'get deploy -o wide', now: at(16), options: {wide: true}, groups: [apps('Deployment', seed.deployment)]},
  {name: 'verified-nodes', kubectl: 'get nodes', now: at(0), groups: [core('Node', seed.node)]},
  {name: 'verified-namespaces', kubectl: 'get ns', now: at(0), groups: [core('Namespace', ...seed.namespaces)]},
  {name: 'verified-services', kubectl: 'get svc', now: at(2), groups: [core('Service', seed.kubernetes, seed.lbsvc, seed.nosel, seed.npsvc, seed.simpleservice)]},
  {name: 'verified-events', kubectl: 'get events', now: at(17), groups: [core('Event', ...seed.events)]},

  {name: 'pods-lifecycle', kubectl: 'get pods', now: at(0), groups: [core('Pod', ...byName(Object.values(lifecyclePods)))]},
  {name: 'pods-lifecycle-wide', kubectl: 'get pods -o wide', now: at(0), options: {wide: true}, groups: [core('Pod', ...byName(Object.values(lifecyclePods)))]},
  {name: 'pods-no-headers-wide', kubectl: 'get pods -o wide --no-headers', now: at(10), options: {wide: true, noHeaders: true}, groups: [core('Pod', podRcsise, pod7wl4m, podLqx8b)]},
  {name: 'pods-labels-and-label-columns', kubectl: 'get pods --show-labels -L app.kubernetes.io/name -L pod-template-hash', now: at(10), options: {showLabels: true, labelColumns: ['app.kubernetes.io/name', 'pod-template-hash']}, groups: [
    core('Pod', makePod('labelex', 600, {labels: {env: 'development', owner: 'michael', 'app.kubernetes.io/name': 'sise'}}), podRcsise, pod7wl4m)]},
  {name: 'all-namespaces-mixed-scope', kubectl: 'get pods,nodes,ns -A', now: at(10), options: {allNamespaces: true, showKind: true}, groups: [
    core('Pod', podRcsise, makePod('coredns-668d6bf9bc-x2x5q', DAY, {metadata: {namespace: 'kube-system'}, labels: {'k8s-app': 'kube-dns'}, ip: '10.244.0.2'})), core('Node', seed.node), core('Namespace', ...seed.namespaces)]},
  {name: 'all-namespaces-cluster-scoped-first', kubectl: 'get nodes,ns,pods -A', now: at(10), options: {allNamespaces: true, showKind: true}, groups: [
    core('Node', seed.node), core('Namespace', ...seed.namespaces), core('Pod', podRcsise)]},
  {name: 'all-namespaces-after-empty-namespaced', kubectl: 'get pods,nodes -A', now: at(0), options: {allNamespaces: true, showKind: true}, groups: [core('Pod'), core('Node', ...nodes.slice(0, 2))]},
  {name: 'all-namespaces-no-headers-mixed', kubectl: 'get pods,nodes -A --no-headers', now: at(10), options: {allNamespaces: true, showKind: true, noHeaders: true}, groups: [
    core('Pod', podRcsise), core('Node', seed.node)]},
  {name: 'all-kinds-show-kind', kubectl: 'get all', now: at(20), options: {showKind: true}, groups: [
    core('Pod', podRcsise, pod7wl4m, podLqx8b), core('ReplicationController', seed.rcsise), core('Service', seed.kubernetes, seed.simpleservice),
    apps('DaemonSet'), apps('Deployment', seed.deployment), apps('ReplicaSet', seed.replicaSet)]},
  {name: 'empty-groups-skipped', kubectl: 'get deploy,rc,svc', now: at(20), options: {showKind: true}, groups: [apps('Deployment'), core('ReplicationController'), core('Service', seed.simpleservice)]},
  {name: 'rs-wide', kubectl: 'get rs -o wide', now: at(20), options: {wide: true}, groups: [apps('ReplicaSet', seed.replicaSet)]},
  {name: 'deploy-rs-show-kind-wide', kubectl: 'get deploy,rs -o wide', now: at(20), options: {wide: true, showKind: true}, groups: [apps('Deployment', seed.deployment), apps('ReplicaSet', seed.replicaSet)]},
  {name: 'services-types', kubectl: 'get svc -o wide', now: at(0), options: {wide: true}, groups: [core('Service', ...byName([...extraServices, seed.kubernetes, seed.lbsvc, seed.npsvc]))]},
  {name: 'endpoints-varieties', kubectl: 'get ep', now: at(0), groups: [core('Endpoints', ...byName([manyEndpoints, headlessEndpoints, ipv6Endpoints, notReadyEndpoints, makeEndpoints('npsvc', 30), seed.epKubernetes]))]},
  {name: 'nodes-wide', kubectl: 'get nodes -o wide', now: at(0), options: {wide: true}, groups: [core('Node', ...nodes)]},
  {name: 'nodes-show-labels', kubectl: 'get nodes --show-labels', now: at(0), options: {showLabels: true}, groups: [core('Node', ...nodes.slice(0, 2))]},
  {name: 'namespaces-terminating', kubectl: 'get ns', now: at(0), groups: [core('Namespace', ...seed.namespaces.slice(0, 1), makeNamespace('test', 120, 'Terminating'))]},
  {name: 'events-wide', kubectl: 'get events -o wide', now: at(17), options: {wide: true}, groups: [core('Event', ...wideEvents)]},
  {name: 'events-all-namespaces', kubectl: 'get events -A', now: at(17), options: {allNamespaces: true}, groups: [core('Event', ...seed.events.slice(5))]},
  {name: 'default-table', kubectl: 'get configmaps', now: at(0), groups: [core('ConfigMap', configMap)]},
]
