// Objects for the describe tests, built relative to a `now` so that the same fixtures can be rendered by
// kbe's describers (with a pinned now in the unit tests) and seeded into the kubectl oracle (with the real
// now) to check the output against real kubectl. Timestamps are whole seconds `ago` before now.
import type {Container, Event, Lease, Node, Pod, PodStatus, ReplicationController} from '../../src/api/types.js'

/** Returns the RFC 3339 timestamp `ago` seconds before `now` (whole seconds, like the API server). */
export function ts(now: Date, ago: number): string {
  return new Date(Math.floor(now.getTime() / 1000) * 1000 - ago * 1000).toISOString().replace('.000Z', 'Z')
}

export const IMAGE = 'mhausenblas/simpleservice:0.5.0'
export const IMAGE_ID = 'docker-pullable://mhausenblas/simpleservice@sha256:5d8a0ab0e7ae1e1d1a4f6b7e0f2f3b9b8c0d6f0b3f8f6b1c5a1b2d3e4f5a6b7c'
export const CONTAINER_ID = 'docker://8c0f8e1b5d2a4c6e8f0a2b4c6d8e0f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2d4e'
const API_VOLUME = 'kube-api-access-x7k2p'

/** The projected service-account volume a real API server injects into every pod. */
export function apiAccessVolume(): Pod['spec']['volumes'] {
  return [{name: API_VOLUME, projected: {defaultMode: 420, sources: [
    {serviceAccountToken: {expirationSeconds: 3607, path: 'token'}},
    {configMap: {name: 'kube-root-ca.crt', items: [{key: 'ca.crt', path: 'ca.crt'}]}},
    {downwardAPI: {items: [{path: 'namespace', fieldRef: {apiVersion: 'v1', fieldPath: 'metadata.namespace'}}]}},
  ]}}]
}

/** Returns a container like the tutorial's simpleservice one, with the injected mount. */
export function siseContainer(extra: Partial<Container> = {}): Container {
  return {name: 'sise', image: IMAGE, ports: [{containerPort: 9876, protocol: 'TCP'}], resources: {},
    volumeMounts: [{name: API_VOLUME, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount'}],
    terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent', ...extra}
}

const DEFAULT_TOLERATIONS = [
  {key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
  {key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
]

/** Returns a pod with the fields a real API server defaults (priority, service account, tolerations, volume). */
export function makePod(now: Date, name: string, ago: number, fn: (pod: Pod) => void = () => {}): Pod {
  const pod: Pod = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {name, namespace: 'default', uid: `uid-pod-${name}`, resourceVersion: '1', creationTimestamp: ts(now, ago), labels: {app: 'sise'}},
    spec: {volumes: apiAccessVolume(), containers: [siseContainer()], restartPolicy: 'Always', terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst', serviceAccountName: 'default', serviceAccount: 'default', nodeName: 'minikube', securityContext: {},
      schedulerName: 'default-scheduler', tolerations: DEFAULT_TOLERATIONS.map((t) => ({...t})), priority: 0,
      enableServiceLinks: true, preemptionPolicy: 'PreemptLowerPriority'},
    status: runningStatus(now, ago, '10.244.0.5'),
  }
  fn(pod)
  return pod
}

/** Returns the status of a pod that has been running since `ago` seconds before now. */
export function runningStatus(now: Date, ago: number, ip: string): PodStatus {
  const condition = (type: string) => ({type, status: 'True', lastProbeTime: null, lastTransitionTime: ts(now, ago - 4)})
  return {phase: 'Running',
    conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(condition),
    hostIP: '192.168.49.2', hostIPs: [{ip: '192.168.49.2'}], podIP: ip, podIPs: [{ip}], startTime: ts(now, ago),
    containerStatuses: [{name: 'sise', state: {running: {startedAt: ts(now, ago - 4)}}, lastState: {}, ready: true, restartCount: 0,
      image: IMAGE, imageID: IMAGE_ID, containerID: CONTAINER_ID, started: true}],
    qosClass: 'BestEffort'}
}

let eventCounter = 0

/** Returns an event about `obj` from `component`, first seen `firstAgo` and last seen `lastAgo` seconds before now. */
export function makeEvent(now: Date, obj: {kind: string; apiVersion: string; metadata: {name?: string; namespace?: string; uid?: string}},
  reason: string, message: string, component: string, firstAgo: number, opts: {type?: string; count?: number; lastAgo?: number; fieldPath?: string; host?: string; uid?: string} = {}): Event {
  eventCounter++
  const name = obj.metadata.name ?? ''
  const involvedObject = {kind: obj.kind, namespace: obj.metadata.namespace, name, uid: opts.uid ?? obj.metadata.uid,
    apiVersion: obj.apiVersion, resourceVersion: '1', ...(opts.fieldPath ? {fieldPath: opts.fieldPath} : {})}
  return {apiVersion: 'v1', kind: 'Event',
    metadata: {name: `${name}.${(0x17f0000000000000n + BigInt(eventCounter)).toString(16)}`, namespace: obj.metadata.namespace ?? 'default',
      uid: `uid-event-${eventCounter}`, resourceVersion: '1', creationTimestamp: ts(now, firstAgo)},
    involvedObject, reason, message, source: {component, ...(opts.host ? {host: opts.host} : {})},
    firstTimestamp: ts(now, firstAgo), lastTimestamp: ts(now, opts.lastAgo ?? firstAgo), count: opts.count ?? 1,
    type: opts.type ?? 'Normal', eventTime: null, reportingComponent: component, reportingInstance: opts.host ?? ''}
}

/** Returns the kubelet/scheduler events of a pod that was scheduled `ago` seconds before now and started. */
export function startupEvents(now: Date, pod: Pod, ago: number): Event[] {
  const name = pod.metadata.name!
  const c = {fieldPath: 'spec.containers{sise}', host: 'minikube'}
  return [
    makeEvent(now, pod, 'Scheduled', `Successfully assigned default/${name} to minikube`, 'default-scheduler', ago),
    makeEvent(now, pod, 'Pulling', `Pulling image "${IMAGE}"`, 'kubelet', ago - 1, c),
    makeEvent(now, pod, 'Pulled', `Successfully pulled image "${IMAGE}" in 3.913s (3.913s including waiting). Image size: 224716312 bytes.`, 'kubelet', ago - 4, c),
    makeEvent(now, pod, 'Created', 'Created container sise', 'kubelet', ago - 4, c),
    makeEvent(now, pod, 'Started', 'Started container sise', 'kubelet', ago - 5, c),
  ]
}

/** Returns the tutorial's RC `rcsise` (created `ago` seconds before now) with one replica. */
export function makeRC(now: Date, ago: number, fn: (rc: ReplicationController) => void = () => {}): ReplicationController {
  const rc: ReplicationController = {apiVersion: 'v1', kind: 'ReplicationController',
    metadata: {name: 'rcsise', namespace: 'default', uid: 'uid-rc-rcsise', resourceVersion: '1', generation: 1, creationTimestamp: ts(now, ago), labels: {app: 'sise'}},
    spec: {replicas: 1, selector: {app: 'sise'}, template: {metadata: {labels: {app: 'sise'}}, spec: {
      containers: [{name: 'sise', image: IMAGE, ports: [{containerPort: 9876, protocol: 'TCP'}], resources: {},
        terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent'}],
      restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', securityContext: {}, schedulerName: 'default-scheduler'}}},
    status: {replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1}}
  fn(rc)
  return rc
}

/** Returns an owner reference marking `owner` as the controller. */
export function controllerRef(owner: {apiVersion: string; kind: string; metadata: {name?: string; uid?: string}}) {
  return {apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true}
}

/** Returns the single-node cluster's node `minikube`, created three days before now. */
export function makeNode(now: Date, name = 'minikube', fn: (node: Node) => void = () => {}): Node {
  const resources = {cpu: '4', 'ephemeral-storage': '102625208Ki', 'hugepages-2Mi': '0', memory: '8129736Ki', pods: '110'}
  const condition = (type: string, status: string, reason: string, message: string) =>
    ({type, status, lastHeartbeatTime: ts(now, 30), lastTransitionTime: ts(now, 3 * 86400), reason, message})
  const node: Node = {apiVersion: 'v1', kind: 'Node',
    metadata: {name, uid: `uid-node-${name}`, resourceVersion: '1', creationTimestamp: ts(now, 3 * 86400),
      labels: {'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/control-plane': ''},
      annotations: {'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true'}},
    spec: {podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24']},
    status: {capacity: {...resources}, allocatable: {...resources},
      conditions: [condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status')],
      addresses: [{type: 'InternalIP', address: '192.168.49.2'}, {type: 'Hostname', address: name}],
      nodeInfo: {machineID: 'abc123', systemUUID: 'def456', bootID: '0f0e', kernelVersion: '6.8.0-1015-gcp', osImage: 'Ubuntu 22.04.4 LTS',
        containerRuntimeVersion: 'docker://27.4.1', kubeletVersion: 'v1.32.0', kubeProxyVersion: 'v1.32.0', operatingSystem: 'linux', architecture: 'amd64'}}}
  fn(node)
  return node
}

/** Returns the kubelet's lease for node `name`, renewed 10 seconds before now. */
export function makeLease(now: Date, name = 'minikube'): Lease {
  return {apiVersion: 'coordination.k8s.io/v1', kind: 'Lease',
    metadata: {name, namespace: 'kube-node-lease', uid: `uid-lease-${name}`, resourceVersion: '1', creationTimestamp: ts(now, 3 * 86400),
      ownerReferences: [{apiVersion: 'v1', kind: 'Node', name, uid: `uid-node-${name}`}]},
    spec: {holderIdentity: name, leaseDurationSeconds: 40, renewTime: ts(now, 10).replace('Z', '.123456Z')}}
}
