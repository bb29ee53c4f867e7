// What a fresh single-node cluster holds before the learner types anything, as minikube (docker
// runtime) has it: the four namespaces, the node `minikube`, the `kubernetes` service at 172.30.0.1 with
// its endpoints, and cluster DNS in kube-system (the kube-dns service at 172.30.0.10 and the CoreDNS
// Deployment → ReplicaSet → pod, which takes 172.17.0.2). Objects are plain data built here; the cluster
// creates them through the store so they get uids and resource versions like everything else.

import type {KubeObject, Node, Pod, Service} from '../api/types.js'

export const NODE_NAME = 'minikube'
export const NODE_IP = '192.168.99.100'
export const KUBERNETES_SERVICE_IP = '172.30.0.1'
export const DNS_SERVICE_IP = '172.30.0.10'
export const APISERVER_PORT = 8443
export const COREDNS_RS_HASH = '668d6bf9bc'
export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.11.3'

function namespace(name: string): KubeObject {
  return {apiVersion: 'v1', kind: 'Namespace', metadata: {name, labels: {'kubernetes.io/metadata.name': name}}, spec: {finalizers: ['kubernetes']}, status: {phase: 'Active'}}
}

/** Returns the node object; `hex` supplies the machine ids (drawn from the seeded random source). */
export function nodeObject(at: string, hex: (bytes: number) => string): Node {
  const capacity = {cpu: '2', 'ephemeral-storage': '17734596Ki', 'hugepages-2Mi': '0', memory: '3912164Ki', pods: '110'}
  const condition = (type: string, status: string, reason: string, message: string) => ({type, status, lastHeartbeatTime: at, lastTransitionTime: at, reason, message})
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: NODE_NAME,
      labels: {
        'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': NODE_NAME, 'kubernetes.io/os': 'linux', 'minikube.k8s.io/name': NODE_NAME,
        'minikube.k8s.io/primary': 'true', 'node-role.kubernetes.io/control-plane': '',
        'node.kubernetes.io/exclude-from-external-load-balancers': '',
      },
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/cri-dockerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {podCIDR: '172.17.0.0/16', podCIDRs: ['172.17.0.0/16']},
    status: {
      capacity,
      allocatable: {...capacity},
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [{type: 'InternalIP', address: NODE_IP}, {type: 'Hostname', address: NODE_NAME}],
      daemonEndpoints: {kubeletEndpoint: {Port: 10250}},
      nodeInfo: {
        machineID: hex(16), systemUUID: hex(16), bootID: hex(16), kernelVersion: '5.10.207',
        osImage: 'Buildroot 2023.02.9', containerRuntimeVersion: 'docker://27.4.0', kubeletVersion: 'v1.32.0',
        kubeProxyVersion: 'v1.32.0', operatingSystem: 'linux', architecture: 'amd64',
      },
    },
  }
}

function kubernetesService(): Service {
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: {name: 'kubernetes', namespace: 'default', labels: {component: 'apiserver', provider: 'kubernetes'}},
    spec: {
      clusterIP: KUBERNETES_SERVICE_IP, clusterIPs: [KUBERNETES_SERVICE_IP], internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack',
      ports: [{name: 'https', port: 443, protocol: 'TCP', targetPort: APISERVER_PORT}], sessionAffinity: 'None', type: 'ClusterIP',
    },
    status: {loadBalancer: {}},
  }
}

function kubernetesEndpoints(): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Endpoints',
    metadata: {name: 'kubernetes', namespace: 'default', labels: {'endpointslice.kubernetes.io/skip-mirror': 'true'}},
    subsets: [{addresses: [{ip: NODE_IP}], ports: [{name: 'https', port: APISERVER_PORT, protocol: 'TCP'}]}],
  }
}

function dnsService(): Service {
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: {
      name: 'kube-dns', namespace: 'kube-system',
      labels: {'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS'},
      annotations: {'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true'},
    },
    spec: {
      clusterIP: DNS_SERVICE_IP, clusterIPs: [DNS_SERVICE_IP], internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack',
      ports: [
        {name: 'dns', port: 53, protocol: 'UDP', targetPort: 53},
        {name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53},
        {name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153},
      ],
      selector: {'k8s-app': 'kube-dns'}, sessionAffinity: 'None', type: 'ClusterIP',
    },
    status: {loadBalancer: {}},
  }
}

/** Returns the CoreDNS pod template (shared by the Deployment, its ReplicaSet and the pod). */
export function corednsPodSpec(): Pod['spec'] {
  const probe = (path: string, port: number, extra: Record<string, number>) => ({
    httpGet: {path, port, scheme: 'HTTP'}, timeoutSeconds: 5, periodSeconds: 10, successThreshold: 1, failureThreshold: 3, ...extra,
  })
  return {
    containers: [{
      name: 'coredns', image: COREDNS_IMAGE, imagePullPolicy: 'IfNotPresent',
      args: ['-conf', '/etc/coredns/Corefile'],
      ports: [{name: 'dns', containerPort: 53, protocol: 'UDP'}, {name: 'dns-tcp', containerPort: 53, protocol: 'TCP'}, {name: 'metrics', containerPort: 9153, protocol: 'TCP'}],
      resources: {limits: {memory: '170Mi'}, requests: {cpu: '100m', memory: '70Mi'}},
      livenessProbe: probe('/health', 8080, {initialDelaySeconds: 60, failureThreshold: 5}),
      readinessProbe: probe('/ready', 8181, {timeoutSeconds: 1}),
      volumeMounts: [{name: 'config-volume', mountPath: '/etc/coredns', readOnly: true}],
      terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File',
    }],
    dnsPolicy: 'Default', nodeSelector: {'kubernetes.io/os': 'linux'}, priorityClassName: 'system-cluster-critical',
    restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {}, serviceAccountName: 'coredns',
    serviceAccount: 'coredns', terminationGracePeriodSeconds: 30,
    tolerations: [{key: 'CriticalAddonsOnly', operator: 'Exists'}, {key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule'}],
    volumes: [{name: 'config-volume', configMap: {name: 'coredns', items: [{key: 'Corefile', path: 'Corefile'}], defaultMode: 420}}],
  }
}

const DNS_LABELS = {'k8s-app': 'kube-dns'}

function corednsDeployment(): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: {name: 'coredns', namespace: 'kube-system', labels: {...DNS_LABELS}, annotations: {'deployment.kubernetes.io/revision': '1'}, generation: 1},
    spec: {
      progressDeadlineSeconds: 600, replicas: 1, revisionHistoryLimit: 10, selector: {matchLabels: {...DNS_LABELS}},
      strategy: {rollingUpdate: {maxSurge: '25%', maxUnavailable: 1}, type: 'RollingUpdate'},
      template: {metadata: {labels: {...DNS_LABELS}}, spec: corednsPodSpec()},
    },
    status: {},
  }
}

/** Returns the objects of a fresh cluster, in creation order (owners before what they own). */
export function bootstrapObjects(): KubeObject[] {
  return [
    namespace('default'), namespace('kube-node-lease'), namespace('kube-public'), namespace('kube-system'),
    kubernetesService(), kubernetesEndpoints(), dnsService(), corednsDeployment(),
  ]
}

/** Returns the CoreDNS ReplicaSet for a Deployment object already stored (it needs the owner's uid). */
export function corednsReplicaSet(deployment: KubeObject): KubeObject {
  const labels = {...DNS_LABELS, 'pod-template-hash': COREDNS_RS_HASH}
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {
      name: `coredns-${COREDNS_RS_HASH}`, namespace: 'kube-system', labels, generation: 1,
      annotations: {'deployment.kubernetes.io/desired-replicas': '1', 'deployment.kubernetes.io/max-replicas': '2', 'deployment.kubernetes.io/revision': '1'},
      ownerReferences: [{apiVersion: 'apps/v1', kind: 'Deployment', name: 'coredns', uid: deployment.metadata.uid as string, controller: true, blockOwnerDeletion: true}],
    },
    spec: {replicas: 1, selector: {matchLabels: labels}, template: {metadata: {labels}, spec: corednsPodSpec()}},
    status: {},
  }
}
