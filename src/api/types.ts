// The API object shapes kbe stores and prints. Objects are kept exactly as the Kubernetes API would
// serialize them (apiVersion, kind, metadata, spec, status with the upstream field names), so that
// `-o json|yaml` is a plain serialization and printers read the same fields kubectl reads. This
// module holds types only: no defaulting, validation or behaviour.

export interface OwnerReference {
  apiVersion: string
  kind: string
  name: string
  uid: string
  controller?: boolean
  blockOwnerDeletion?: boolean
}

export interface ObjectMeta {
  name?: string
  generateName?: string
  namespace?: string
  uid?: string
  resourceVersion?: string
  generation?: number
  creationTimestamp?: string
  deletionTimestamp?: string
  deletionGracePeriodSeconds?: number
  labels?: Record<string, string>
  annotations?: Record<string, string>
  ownerReferences?: OwnerReference[]
  finalizers?: string[]
}

/** Any API object: the common envelope. Kind-specific fields stay open for the kinds kbe does not type. */
export interface KubeObject {
  apiVersion: string
  kind: string
  metadata: ObjectMeta
  [field: string]: unknown
}

// ---- Pods ----------------------------------------------------------------------------------------

export interface ContainerPort {
  name?: string
  containerPort: number
  hostPort?: number
  protocol?: string
  hostIP?: string
}

export interface EnvVar {
  name: string
  value?: string
  valueFrom?: {
    fieldRef?: {apiVersion?: string; fieldPath: string}
    resourceFieldRef?: {containerName?: string; resource: string; divisor?: string}
    configMapKeyRef?: {name: string; key: string; optional?: boolean}
    secretKeyRef?: {name: string; key: string; optional?: boolean}
  }
}

export interface VolumeMount {
  name: string
  mountPath: string
  readOnly?: boolean
  subPath?: string
}

export interface ResourceRequirements {
  limits?: Record<string, string>
  requests?: Record<string, string>
}

export interface Probe {
  httpGet?: {path?: string; port: number | string; host?: string; scheme?: string}
  tcpSocket?: {port: number | string}
  exec?: {command?: string[]}
  initialDelaySeconds?: number
  timeoutSeconds?: number
  periodSeconds?: number
  successThreshold?: number
  failureThreshold?: number
}

export interface Container {
  name: string
  image?: string
  command?: string[]
  args?: string[]
  workingDir?: string
  ports?: ContainerPort[]
  env?: EnvVar[]
  resources?: ResourceRequirements
  volumeMounts?: VolumeMount[]
  livenessProbe?: Probe
  readinessProbe?: Probe
  startupProbe?: Probe
  terminationMessagePath?: string
  terminationMessagePolicy?: string
  imagePullPolicy?: string
  stdin?: boolean
  tty?: boolean
}

export interface Toleration {
  key?: string
  operator?: string
  value?: string
  effect?: string
  tolerationSeconds?: number
}

export interface Volume {
  name: string
  [source: string]: unknown
}

export interface PodSpec {
  volumes?: Volume[]
  initContainers?: Container[]
  containers: Container[]
  restartPolicy?: string
  terminationGracePeriodSeconds?: number
  dnsPolicy?: string
  nodeSelector?: Record<string, string>
  serviceAccountName?: string
  serviceAccount?: string
  nodeName?: string
  securityContext?: Record<string, unknown>
  schedulerName?: string
  tolerations?: Toleration[]
  priority?: number
  enableServiceLinks?: boolean
  preemptionPolicy?: string
  hostname?: string
  subdomain?: string
  readinessGates?: {conditionType: string}[]
  [field: string]: unknown
}

export interface PodCondition {
  type: string
  status: string
  lastProbeTime?: string | null
  lastTransitionTime?: string
  reason?: string
  message?: string
}

export interface ContainerState {
  waiting?: {reason?: string; message?: string}
  running?: {startedAt?: string}
  terminated?: {exitCode: number; signal?: number; reason?: string; message?: string; startedAt?: string; finishedAt?: string; containerID?: string}
}

export interface ContainerStatus {
  name: string
  state: ContainerState
  lastState: ContainerState
  ready: boolean
  restartCount: number
  image: string
  imageID: string
  containerID?: string
  started?: boolean
}

export interface PodStatus {
  phase?: string
  conditions?: PodCondition[]
  message?: string
  reason?: string
  hostIP?: string
  hostIPs?: {ip: string}[]
  podIP?: string
  podIPs?: {ip: string}[]
  startTime?: string
  initContainerStatuses?: ContainerStatus[]
  containerStatuses?: ContainerStatus[]
  qosClass?: string
  nominatedNodeName?: string
}

export interface PodTemplateSpec {
  metadata?: ObjectMeta
  spec: PodSpec
}

export interface Pod extends KubeObject {
  kind: 'Pod'
  spec: PodSpec
  status?: PodStatus
}

// ---- ReplicationControllers ----------------------------------------------------------------------

export interface ReplicationController extends KubeObject {
  kind: 'ReplicationController'
  spec: {
    replicas?: number
    minReadySeconds?: number
    selector?: Record<string, string>
    template?: PodTemplateSpec
  }
  status?: {
    replicas: number
    fullyLabeledReplicas?: number
    readyReplicas?: number
    availableReplicas?: number
    observedGeneration?: number
    conditions?: {type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string}[]
  }
}

// ---- Services and Endpoints ----------------------------------------------------------------------

export interface ServicePort {
  name?: string
  protocol?: string
  appProtocol?: string
  port: number
  targetPort?: number | string
  nodePort?: number
}

export interface Service extends KubeObject {
  kind: 'Service'
  spec: {
    ports?: ServicePort[]
    selector?: Record<string, string>
    clusterIP?: string
    clusterIPs?: string[]
    type?: string
    externalIPs?: string[]
    sessionAffinity?: string
    sessionAffinityConfig?: {clientIP?: {timeoutSeconds?: number}}
    loadBalancerIP?: string
    externalName?: string
    externalTrafficPolicy?: string
    internalTrafficPolicy?: string
    ipFamilies?: string[]
    ipFamilyPolicy?: string
    publishNotReadyAddresses?: boolean
    [field: string]: unknown
  }
  status?: {loadBalancer?: {ingress?: {ip?: string; hostname?: string}[]}}
}

export interface EndpointAddress {
  ip: string
  hostname?: string
  nodeName?: string
  targetRef?: {kind: string; namespace?: string; name: string; uid?: string}
}

export interface EndpointPort {
  name?: string
  port: number
  protocol?: string
  appProtocol?: string
}

export interface EndpointSubset {
  addresses?: EndpointAddress[]
  notReadyAddresses?: EndpointAddress[]
  ports?: EndpointPort[]
}

export interface Endpoints extends KubeObject {
  kind: 'Endpoints'
  subsets?: EndpointSubset[]
}

// ---- Cluster-scoped and bookkeeping kinds --------------------------------------------------------

export interface Namespace extends KubeObject {
  kind: 'Namespace'
  spec?: {finalizers?: string[]}
  status?: {phase: string}
}

export interface NodeCondition {
  type: string
  status: string
  lastHeartbeatTime?: string
  lastTransitionTime?: string
  reason?: string
  message?: string
}

export interface Node extends KubeObject {
  kind: 'Node'
  spec: {podCIDR?: string; podCIDRs?: string[]; unschedulable?: boolean; taints?: {key: string; value?: string; effect: string}[]}
  status: {
    capacity?: Record<string, string>
    allocatable?: Record<string, string>
    conditions?: NodeCondition[]
    addresses?: {type: string; address: string}[]
    daemonEndpoints?: {kubeletEndpoint?: {Port: number}}
    nodeInfo?: Record<string, string>
    images?: unknown[]
  }
}

export interface ObjectReference {
  kind: string
  namespace?: string
  name: string
  uid?: string
  apiVersion?: string
  resourceVersion?: string
  fieldPath?: string
}

export interface Event extends KubeObject {
  kind: 'Event'
  involvedObject: ObjectReference
  reason: string
  message: string
  source: {component?: string; host?: string}
  firstTimestamp: string
  lastTimestamp: string
  count: number
  type: string
  eventTime: string | null
  reportingComponent: string
  reportingInstance: string
}

export interface Lease extends KubeObject {
  kind: 'Lease'
  spec: {holderIdentity?: string; leaseDurationSeconds?: number; renewTime?: string; acquireTime?: string}
}

// ---- Label selectors -----------------------------------------------------------------------------

/** One matchExpressions entry of a metav1.LabelSelector. */
export interface LabelSelectorRequirement {
  key: string
  operator: string
  values?: string[]
}

/** A metav1.LabelSelector, as in Deployment and ReplicaSet specs. */
export interface LabelSelector {
  matchLabels?: Record<string, string>
  matchExpressions?: LabelSelectorRequirement[]
}

// ---- Deployments and ReplicaSets (apps/v1) -------------------------------------------------------

export interface DeploymentCondition {
  type: string
  status: string
  lastUpdateTime: string
  lastTransitionTime: string
  reason: string
  message: string
}

export interface DeploymentStatus {
  observedGeneration?: number
  replicas?: number
  updatedReplicas?: number
  readyReplicas?: number
  availableReplicas?: number
  unavailableReplicas?: number
  conditions?: DeploymentCondition[]
  collisionCount?: number
}

export interface Deployment extends KubeObject {
  spec: {
    replicas?: number
    selector?: LabelSelector
    template: PodTemplateSpec
    strategy?: {type?: string; rollingUpdate?: {maxSurge?: number | string; maxUnavailable?: number | string}}
    minReadySeconds?: number
    revisionHistoryLimit?: number
    progressDeadlineSeconds?: number
    paused?: boolean
  }
  status?: DeploymentStatus
}

export interface ReplicaSet extends KubeObject {
  spec: {replicas?: number; minReadySeconds?: number; selector?: LabelSelector; template?: PodTemplateSpec}
  status?: {
    replicas?: number
    fullyLabeledReplicas?: number
    readyReplicas?: number
    availableReplicas?: number
    observedGeneration?: number
    conditions?: {type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string}[]
  }
}
