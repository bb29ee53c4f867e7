// Objects for the `kubectl get` table tests, modelled on the kubectl oracle's seed
// (shared/tools/kubectl-oracle/seed.py): a minikube node, rcsise and its pod, the sise-deploy
// Deployment/ReplicaSet/pods, simpleservice, kubernetes, npsvc/nosel/lbsvc and their events. Every
// timestamp is SEED_TIME minus a number of seconds, and tests pin `now` to SEED_TIME plus the delay
// at which the reference's VERIFIED sample was captured, so ages come out byte for byte.
import type {ContainerStatus, Endpoints, Event, Namespace, Node, ObjectMeta, Pod, ReplicationController, Service} from '../../src/api/types.js'
import type {DeploymentLike} from '../../src/printers/table/columns/deployment.js'
import type {ReplicaSetLike} from '../../src/printers/table/columns/replica-set.js'

/** The instant the seed objects were created relative to. */
export const SEED_TIME = Date.parse('2025-03-01T12:00:00Z')
export const DAY = 86400

/** Returns SEED_TIME + seconds as a Date (a pinned `now`). */
export function at(seconds: number): Date {
  return new Date(SEED_TIME + seconds * 1000)
}

/** Returns the RFC 3339 timestamp `ago` seconds before SEED_TIME. */
export function ts(ago: number): string {
  return new Date(SEED_TIME - ago * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Returns object metadata created `ago` seconds before SEED_TIME, in `default` unless told. */
export function meta(name: string, ago: number, extra: Partial<ObjectMeta> = {}): ObjectMeta {
  return {name, namespace: 'default', creationTimestamp: ts(ago), ...extra}
}

const IMAGE = 'mhausenblas/simpleservice:0.5.0'

/** A running, ready container status. */
export function runningStatus(name: string, ago: number, extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return {name, state: {running: {startedAt: ts(ago)}}, lastState: {}, ready: true, restartCount: 0, image: IMAGE, imageID: '', started: true, ...extra}
}

/** A pod with one container `sise`, Running and ready unless `status` says otherwise. */
export function makePod(name: string, ago: number, options: {labels?: Record<string, string>; ip?: string; status?: Pod['status']; metadata?: Partial<ObjectMeta>; spec?: Partial<Pod['spec']>} = {}): Pod {
  const ip = options.ip ?? '10.244.0.5'
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(name, ago, {labels: options.labels ?? {app: 'sise'}, ...options.metadata}),
    spec: {containers: [{name: 'sise', image: IMAGE}], nodeName: 'minikube', ...options.spec},
    status: options.status ?? {
      phase: 'Running',
      conditions: [{type: 'Initialized', status: 'True'}, {type: 'Ready', status: 'True'}, {type: 'ContainersReady', status: 'True'}, {type: 'PodScheduled', status: 'True'}],
      podIP: ip,
      podIPs: [{ip}],
      containerStatuses: [runningStatus('sise', ago - 5)],
    },
  }
}

/** A ClusterIP service unless `spec` says otherwise. */
export function makeService(name: string, ago: number, spec: Partial<Service['spec']>, labels?: Record<string, string>, status?: Service['status']): Service {
  return {apiVersion: 'v1', kind: 'Service', metadata: meta(name, ago, labels ? {labels} : {}), spec: {type: 'ClusterIP', sessionAffinity: 'None', ...spec}, status: status ?? {loadBalancer: {}}}
}

/** An Endpoints object with the given subsets (none when omitted). */
export function makeEndpoints(name: string, ago: number, subsets?: Endpoints['subsets']): Endpoints {
  return {apiVersion: 'v1', kind: 'Endpoints', metadata: meta(name, ago), ...(subsets ? {subsets} : {})}
}

/** A core/v1 event about `kind/name`, first and last seen `ago` seconds before SEED_TIME. */
export function makeEvent(objectKind: string, objectName: string, seq: number, reason: string, message: string, component: string, ago: number, extra: Partial<Event> = {}): Event {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: meta(`${objectName}.${(0x17f0000000000000n + BigInt(seq)).toString(16)}`, ago),
    involvedObject: {kind: objectKind, namespace: 'default', name: objectName, apiVersion: 'v1'},
    reason,
    message,
    source: {component},
    firstTimestamp: ts(ago),
    lastTimestamp: ts(ago),
    count: 1,
    type: 'Normal',
    eventTime: null,
    reportingComponent: component,
    reportingInstance: '',
    ...extra,
  }
}

export function makeNamespace(name: string, ago: number, phase = 'Active'): Namespace {
  return {apiVersion: 'v1', kind: 'Namespace', metadata: {name, creationTimestamp: ts(ago), labels: {'kubernetes.io/metadata.name': name}}, spec: {finalizers: ['kubernetes']}, status: {phase}}
}

/** A node like the seed's minikube; options override its labels, cordon, Ready status (null: no condition) and addresses. */
export function makeNode(name: string, ago: number, options: {labels?: Record<string, string>; unschedulable?: boolean; ready?: string | null; addresses?: {type: string; address: string}[]} = {}): Node {
  const ready = options.ready === undefined ? 'True' : options.ready
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {name, creationTimestamp: ts(ago), labels: options.labels ?? {'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/control-plane': ''}},
    spec: {podCIDR: '10.244.0.0/24', ...(options.unschedulable ? {unschedulable: true} : {})},
    status: {
      conditions: [{type: 'MemoryPressure', status: 'False'}, ...(ready === null ? [] : [{type: 'Ready', status: ready}])],
      addresses: options.addresses ?? [{type: 'InternalIP', address: '192.168.49.2'}, {type: 'Hostname', address: name}],
      nodeInfo: {kernelVersion: '6.8.0-1015-gcp', osImage: 'Ubuntu 22.04.4 LTS', containerRuntimeVersion: 'docker://27.4.1', kubeletVersion: 'v1.32.0'},
    },
  }
}

const siseTemplate = {metadata: {labels: {app: 'sise'}}, spec: {containers: [{name: 'sise', image: IMAGE}]}}
const rsLabels = {app: 'sise', 'pod-template-hash': '5d59d67564'}

const rcsise: ReplicationController = {
  apiVersion: 'v1', kind: 'ReplicationController', metadata: meta('rcsise', 125, {labels: {app: 'sise'}}),
  spec: {replicas: 1, selector: {app: 'sise'}, template: siseTemplate},
  status: {replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1},
}
const deployment: DeploymentLike = {
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('sise-deploy', 300),
  spec: {replicas: 2, selector: {matchLabels: {app: 'sise'}}, template: siseTemplate},
  status: {updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2},
}
const replicaSet: ReplicaSetLike = {
  apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: meta('sise-deploy-5d59d67564', 300, {labels: rsLabels}),
  spec: {replicas: 2, selector: {matchLabels: rsLabels}, template: {metadata: {labels: rsLabels}, spec: siseTemplate.spec}},
  status: {replicas: 2, readyReplicas: 2},
}

/** The seed's objects, by role. */
export const seed = {
  namespaces: ['default', 'kube-node-lease', 'kube-public', 'kube-system'].map((n) => makeNamespace(n, 3 * DAY)),
  node: makeNode('minikube', 3 * DAY),
  rcsise,
  deployment,
  replicaSet,
  podRcsise: makePod('rcsise-h7xqz', 120, {ip: '10.244.0.5'}),
  pod7wl4m: makePod('sise-deploy-5d59d67564-7wl4m', 295, {labels: rsLabels, ip: '10.244.0.6'}),
  podLqx8b: makePod('sise-deploy-5d59d67564-lqx8b', 295, {labels: rsLabels, ip: '10.244.0.7'}),
  kubernetes: makeService('kubernetes', 3 * DAY, {ports: [{name: 'https', protocol: 'TCP', port: 443, targetPort: 8443}], clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1']}, {component: 'apiserver', provider: 'kubernetes'}),
  simpleservice: makeService('simpleservice', 60, {ports: [{protocol: 'TCP', port: 80, targetPort: 9876}], selector: {app: 'sise'}, clusterIP: '10.96.146.11', clusterIPs: ['10.96.146.11']}),
  lbsvc: makeService('lbsvc', 30, {type: 'LoadBalancer', ports: [{protocol: 'TCP', port: 80, targetPort: 9876, nodePort: 30080}, {name: 'dns', protocol: 'UDP', port: 53, targetPort: 53, nodePort: 30053}], selector: {app: 'sise'}, clusterIP: '10.96.40.40', clusterIPs: ['10.96.40.40']}),
  nosel: makeService('nosel', 30, {ports: [{protocol: 'TCP', port: 8080, targetPort: 8080}], clusterIP: '10.96.30.30', clusterIPs: ['10.96.30.30']}),
  npsvc: makeService('npsvc', 30, {type: 'NodePort', ports: [{name: 'http', protocol: 'TCP', port: 80, targetPort: 'http', nodePort: 31234}], selector: {app: 'none'}, clusterIP: '10.96.20.20', clusterIPs: ['10.96.20.20']}, {app: 'np'}),
  epKubernetes: makeEndpoints('kubernetes', 3 * DAY, [{addresses: [{ip: '192.168.49.2'}], ports: [{name: 'https', port: 8443, protocol: 'TCP'}]}]),
  epSimpleservice: makeEndpoints('simpleservice', 60, [{addresses: [{ip: '10.244.0.5', nodeName: 'minikube'}], ports: [{port: 9876, protocol: 'TCP'}]}]),
  /** Events in server order (by event name: the pod's, then the RC's, then the Deployment's). */
  events: [
    makeEvent('Pod', 'rcsise-h7xqz', 2, 'Scheduled', 'Successfully assigned default/rcsise-h7xqz to minikube', 'default-scheduler', 120),
    makeEvent('Pod', 'rcsise-h7xqz', 3, 'Pulling', 'Pulling image "mhausenblas/simpleservice:0.5.0"', 'kubelet', 119, {source: {component: 'kubelet', host: 'minikube'}, involvedObject: {kind: 'Pod', namespace: 'default', name: 'rcsise-h7xqz', fieldPath: 'spec.containers{sise}'}}),
    makeEvent('Pod', 'rcsise-h7xqz', 4, 'Pulled', 'Successfully pulled image "mhausenblas/simpleservice:0.5.0" in 3.913s (3.913s including waiting). Image size: 224716312 bytes.', 'kubelet', 116, {source: {component: 'kubelet', host: 'minikube'}, involvedObject: {kind: 'Pod', namespace: 'default', name: 'rcsise-h7xqz', fieldPath: 'spec.containers{sise}'}}),
    makeEvent('Pod', 'rcsise-h7xqz', 5, 'Created', 'Created container sise', 'kubelet', 116, {source: {component: 'kubelet', host: 'minikube'}, involvedObject: {kind: 'Pod', namespace: 'default', name: 'rcsise-h7xqz', fieldPath: 'spec.containers{sise}'}}),
    makeEvent('Pod', 'rcsise-h7xqz', 6, 'Started', 'Started container sise', 'kubelet', 115, {source: {component: 'kubelet', host: 'minikube'}, involvedObject: {kind: 'Pod', namespace: 'default', name: 'rcsise-h7xqz', fieldPath: 'spec.containers{sise}'}}),
    makeEvent('ReplicationController', 'rcsise', 1, 'SuccessfulCreate', 'Created pod: rcsise-h7xqz', 'replication-controller', 120),
    makeEvent('Deployment', 'sise-deploy', 7, 'ScalingReplicaSet', 'Scaled up replica set sise-deploy-5d59d67564 to 2', 'deployment-controller', 300),
  ],
}

const PENDING_SCHEDULED = [{type: 'PodScheduled', status: 'True'}]

/** Pods in each stage of the lifecycle a real cluster shows, all created 50s before SEED_TIME. */
export const lifecyclePods = {
  pending: makePod('lc-pending', 50, {spec: {nodeName: undefined}, status: {phase: 'Pending', conditions: [{type: 'PodScheduled', status: 'False', reason: 'Unschedulable'}]}}),
  creating: makePod('lc-creating', 50, {status: {phase: 'Pending', conditions: PENDING_SCHEDULED, containerStatuses: [{...runningStatus('sise', 0), state: {waiting: {reason: 'ContainerCreating'}}, ready: false, started: false}]}}),
  running: makePod('lc-running', 50, {ip: '10.244.0.9'}),
  terminatingReady: makePod('lc-terminating-a', 50, {ip: '10.244.0.10', metadata: {deletionTimestamp: ts(5), deletionGracePeriodSeconds: 30}}),
  terminatingStopped: makePod('lc-terminating-b', 50, {
    metadata: {deletionTimestamp: ts(5), deletionGracePeriodSeconds: 30},
    status: {phase: 'Running', podIP: '10.244.0.11', podIPs: [{ip: '10.244.0.11'}], containerStatuses: [{...runningStatus('sise', 0), state: {terminated: {exitCode: 0, reason: 'Completed', finishedAt: ts(2)}}, ready: false}]},
  }),
  crashLoop: makePod('lc-crashloop', 50, {
    status: {phase: 'Running', podIP: '10.244.0.12', podIPs: [{ip: '10.244.0.12'}], containerStatuses: [{...runningStatus('sise', 0), state: {waiting: {reason: 'CrashLoopBackOff'}}, lastState: {terminated: {exitCode: 1, reason: 'Error', finishedAt: ts(42)}}, ready: false, restartCount: 3}]},
  }),
  completed: makePod('lc-completed', 50, {status: {phase: 'Succeeded', containerStatuses: [{...runningStatus('sise', 0), state: {terminated: {exitCode: 0, reason: 'Completed', finishedAt: ts(20)}}, ready: false, started: false}]}}),
  failed: makePod('lc-error', 50, {status: {phase: 'Failed', containerStatuses: [{...runningStatus('sise', 0), state: {terminated: {exitCode: 1, reason: 'Error', finishedAt: ts(20)}}, ready: false, started: false}]}}),
  restarted: makePod('lc-restarted', 50, {ip: '10.244.0.13', status: {phase: 'Running', podIP: '10.244.0.13', podIPs: [{ip: '10.244.0.13'}], containerStatuses: [runningStatus('sise', 10, {restartCount: 4, lastState: {terminated: {exitCode: 137, reason: 'Error', finishedAt: ts(11)}}})]}}),
  initRunning: makePod('lc-init-running', 50, {
    spec: {initContainers: [{name: 'setup', image: 'busybox'}]},
    status: {phase: 'Pending', conditions: [{type: 'Initialized', status: 'False'}], initContainerStatuses: [runningStatus('setup', 10, {ready: false})], containerStatuses: [{...runningStatus('sise', 0), state: {waiting: {reason: 'PodInitializing'}}, ready: false, started: false}]},
  }),
  initCrash: makePod('lc-init-crash', 50, {
    spec: {initContainers: [{name: 'setup', image: 'busybox'}]},
    status: {phase: 'Pending', conditions: [{type: 'Initialized', status: 'False'}], initContainerStatuses: [{...runningStatus('setup', 0), state: {waiting: {reason: 'CrashLoopBackOff'}}, lastState: {terminated: {exitCode: 1, reason: 'Error', finishedAt: ts(30)}}, ready: false, restartCount: 2}], containerStatuses: [{...runningStatus('sise', 0), state: {waiting: {reason: 'PodInitializing'}}, ready: false, started: false}]},
  }),
}
