// The describe golden cases: each names the kubectl command that shows it, and renders kbe's text from
// objects built relative to `now`. `objects` is everything a kubectl oracle must hold to render the same
// cases (the oracle harness seeds them, with EndpointSlices derived from the Endpoints); the unit test
// renders every case at a pinned now and compares with test/golden/describe/<name>.txt.
import type {Endpoints, Event, KubeObject, Namespace, Pod, Service} from '../../src/api/types.js'
import {describeEndpoints} from '../../src/printers/describe/endpoints.js'
import {describeNamespace} from '../../src/printers/describe/namespace.js'
import {describeNode} from '../../src/printers/describe/node.js'
import {describePod} from '../../src/printers/describe/pod.js'
import {describeReplicationController} from '../../src/printers/describe/replication-controller.js'
import {describeService} from '../../src/printers/describe/service.js'
import {joinDescriptions, joinPrefixMatchDescriptions, type DescribeContext} from '../../src/printers/describe/writer.js'
import {makeEvent, makeLease, makeNode, makeRC, ts} from './describe-fixtures.js'
import {makeAppsCases} from './describe-apps-cases.js'
import {makePodCases} from './describe-pod-cases.js'
import {makeServiceObjects} from './describe-service-cases.js'

/** One golden case: the kubectl arguments that show it and kbe's rendering. */
export interface DescribeCase {
  name: string
  args: string[]
  render: (ctx: DescribeContext) => string
}

/** Returns all describe cases at `now` and the objects the oracle needs to render them. */
export function buildDescribeCases(now: Date): {objects: KubeObject[]; cases: DescribeCase[]} {
  const objects: KubeObject[] = []
  const cases: DescribeCase[] = []
  const eventsFor = (obj: KubeObject): Event[] => objects.filter((o): o is Event => o.kind === 'Event' && (o as Event).involvedObject.uid === obj.metadata.uid)

  const pods = makePodCases(now)
  objects.push(...pods.objects)
  for (const pod of pods.pods) {
    cases.push({name: `pod-${pod.metadata.name}`, args: ['pod', pod.metadata.name!], render: (ctx) => describePod(pod, {events: eventsFor(pod)}, ctx)})
  }

  const rc = makeRC(now, 127)
  const rcPod = pods.pods.find((p) => p.metadata.name === 'rcsise-h7xqz')!
  objects.push(rc, makeEvent(now, rc, 'SuccessfulCreate', 'Created pod: rcsise-h7xqz', 'replication-controller', 128))
  cases.push({name: 'rc-rcsise', args: ['rc', 'rcsise'], render: (ctx) => describeReplicationController(rc, {pods: [rcPod], events: eventsFor(rc)}, ctx)})
  const rcEnv = makeRC(now, 3600, (r) => {
    r.metadata.name = 'rc-env'
    r.metadata.uid = 'uid-rc-env'
    r.metadata.annotations = {'kubernetes.io/change-cause': 'kubectl scale rc rc-env --replicas=3'}
    r.spec.replicas = 3
    r.spec.selector = {app: 'env', tier: 'web'}
    r.spec.template!.metadata = {labels: {app: 'env', tier: 'web'}, annotations: {'example.com/owner': 'team-a'}}
    r.spec.template!.spec.containers[0].env = [{name: 'SIMPLE_SERVICE_VERSION', value: '0.9'}, {name: 'POD_NAME', valueFrom: {fieldRef: {apiVersion: 'v1', fieldPath: 'metadata.name'}}}]
    r.spec.template!.spec.nodeSelector = {disktype: 'ssd'}
    r.status = {replicas: 0, observedGeneration: 1, conditions: [{type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'pods "rc-env-x" is forbidden'}]}
  })
  objects.push(rcEnv, makeEvent(now, rcEnv, 'FailedCreate', 'Error creating: pods "rc-env-x" is forbidden', 'replication-controller', 3000, {type: 'Warning', count: 12, lastAgo: 45}))
  cases.push({name: 'rc-env', args: ['rc', 'rc-env'], render: (ctx) => describeReplicationController(rcEnv, {pods: [], events: eventsFor(rcEnv)}, ctx)})

  const services = makeServiceObjects(now, rcPod)
  objects.push(...services.objects)
  for (const svc of services.services) {
    const endpoints = services.endpoints.find((e) => e.metadata.name === svc.metadata.name)
    const related = {endpoints, hasEndpointSlices: services.sliced.has(svc.metadata.name!), events: eventsFor(svc)}
    cases.push({name: `svc-${svc.metadata.name}`, args: ['svc', svc.metadata.name!], render: (ctx) => describeService(svc, related, ctx)})
  }
  for (const ep of services.endpoints) {
    cases.push({name: `ep-${ep.metadata.name}`, args: ['ep', ep.metadata.name!], render: (ctx) => describeEndpoints(ep, {events: eventsFor(ep)}, ctx)})
  }
  const byName = (name: string): Service => services.services.find((s) => s.metadata.name === name)!
  const slicesOf = (s: Service): {endpoints?: Endpoints; hasEndpointSlices: boolean; events: Event[]} =>
    ({endpoints: services.endpoints.find((e) => e.metadata.name === s.metadata.name), hasEndpointSlices: services.sliced.has(s.metadata.name!), events: eventsFor(s)})
  cases.push({name: 'svc-several', args: ['svc', 'nosel', 'simpleservice'],
    render: (ctx) => joinDescriptions(['nosel', 'simpleservice'].map((n) => describeService(byName(n), slicesOf(byName(n)), ctx)))})

  const namespaces = makeNamespaces(now)
  objects.push(...namespaces.objects)
  cases.push({name: 'ns-default', args: ['ns', 'default'], render: (ctx) => describeNamespace(namespaces.defaultNs, {resourceQuotas: [], limitRanges: []}, ctx)})
  cases.push({name: 'ns-quota', args: ['ns', 'quota-ns'], render: (ctx) => describeNamespace(namespaces.quotaNs, {resourceQuotas: namespaces.quotas, limitRanges: namespaces.limitRanges}, ctx)})

  const apps = makeAppsCases(now)
  objects.push(...apps.objects)
  cases.push(...apps.cases)
  // `kubectl describe pod sise-` finds no pod of that name and describes every pod whose name starts with it.
  const prefixed = objects.filter((o): o is Pod => o.kind === 'Pod' && o.metadata.name!.startsWith('sise-'))
    .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))
  cases.push({name: 'pod-prefix-match', args: ['pod', 'sise-'],
    render: (ctx) => joinPrefixMatchDescriptions(prefixed.map((p) => describePod(p, {events: eventsFor(p)}, ctx)))})

  const node = makeNode(now)
  const lease = makeLease(now)
  const nodeEvents = [
    makeEvent(now, {...node, metadata: {...node.metadata, namespace: undefined}}, 'Starting', 'Starting kubelet.', 'kubelet', 3 * 86400, {host: 'minikube', uid: 'minikube'}),
    makeEvent(now, {...node, metadata: {...node.metadata, namespace: undefined}}, 'RegisteredNode', 'Node minikube event: Registered Node minikube in Controller', 'node-controller', 3 * 86400 - 20),
  ]
  nodeEvents.forEach((e) => (e.metadata.namespace = 'default'))
  const tainted = makeNode(now, 'worker-1', (n) => {
    n.metadata.labels = {'kubernetes.io/hostname': 'worker-1', 'kubernetes.io/role': 'worker'}
    n.metadata.annotations = {}
    n.spec = {unschedulable: true, taints: [{key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule'}, {key: 'dedicated', value: 'gpu', effect: 'NoExecute'}]}
    n.status.addresses = [{type: 'InternalIP', address: '192.168.49.3'}, {type: 'Hostname', address: 'worker-1'}]
  })
  objects.push(node, lease, tainted, ...nodeEvents)
  const allPods = objects.filter((o): o is Pod => o.kind === 'Pod')
  cases.push({name: 'node-minikube', args: ['node', 'minikube'], render: (ctx) => describeNode(node, {pods: allPods, events: nodeEvents, lease}, ctx)})
  cases.push({name: 'node-worker-1', args: ['node', 'worker-1'], render: (ctx) => describeNode(tainted, {pods: allPods, events: []}, ctx)})
  return {objects, cases}
}

function makeNamespaces(now: Date) {
  const ns = (name: string, ago: number): Namespace => ({apiVersion: 'v1', kind: 'Namespace',
    metadata: {name, uid: `uid-ns-${name}`, resourceVersion: '1', creationTimestamp: ts(now, ago), labels: {'kubernetes.io/metadata.name': name}},
    spec: {finalizers: ['kubernetes']}, status: {phase: 'Active'}})
  const defaultNs = ns('default', 3 * 86400)
  const quotaNs = ns('quota-ns', 600)
  quotaNs.metadata.annotations = {'example.com/team': 'sise'}
  const meta = (name: string) => ({name, namespace: 'quota-ns', uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: defaultNs.metadata.creationTimestamp})
  const quotas: KubeObject[] = [{apiVersion: 'v1', kind: 'ResourceQuota', metadata: meta('compute'),
    spec: {hard: {pods: '10', 'requests.cpu': '2', 'limits.memory': '2Gi'}},
    status: {hard: {pods: '10', 'requests.cpu': '2', 'limits.memory': '2Gi'}, used: {pods: '1', 'requests.cpu': '250m', 'limits.memory': '512Mi'}}}]
  const limitRanges: KubeObject[] = [{apiVersion: 'v1', kind: 'LimitRange', metadata: meta('cpu-limits'),
    spec: {limits: [{type: 'Container', default: {cpu: '500m'}, defaultRequest: {cpu: '0.25'}, max: {cpu: '2'}}]}}]
  return {defaultNs, quotaNs, quotas, limitRanges, objects: [defaultNs, quotaNs, ...quotas, ...limitRanges]}
}
