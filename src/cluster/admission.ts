// The apiserver's create path for one object, after decoding: defaulting, the admission plugins that
// matter for these kinds (ServiceAccount: the projected token volume and mount; DefaultTolerationSeconds;
// Priority), validation, and the service ClusterIP allocator. Returns the object to store or throws
// the StatusError the apiserver would.

import {StatusError, invalid} from '../api/errors.js'
import type {KubeObject, Pod, Service} from '../api/types.js'
import type {ObjectStore} from '../store/store.js'
import type {Random} from '../util/random.js'
import {allocateServiceIP, checkRequestedServiceIP, SERVICE_CIDR} from '../net/ipam.js'

export interface AdmissionContext {
  random: Random
  store: ObjectStore
  serviceIPsInUse: () => Set<string>
}

const DEFAULT_TOLERATIONS = [
  {key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
  {key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
]

/** Returns the object ready to store: defaulted, admitted and validated. */
export function admit(input: KubeObject, ctx: AdmissionContext): KubeObject {
  const obj = structuredClone(input)
  if (obj.kind === 'Pod') admitPod(obj as Pod, ctx)
  if (obj.kind === 'Service') allocateClusterIP(obj as Service, ctx)
  if (obj.kind === 'ReplicationController' || obj.kind === 'Deployment' || obj.kind === 'ReplicaSet') obj.metadata.generation ??= 1
  return obj
}

function admitPod(pod: Pod, ctx: AdmissionContext): void {
  const spec = pod.spec
  if (spec.serviceAccountName === undefined) spec.serviceAccountName = 'default'
  spec.serviceAccount = spec.serviceAccountName
  if (spec.priority === undefined && !spec.priorityClassName) spec.priority = 0
  if (spec.priorityClassName === 'system-cluster-critical') spec.priority = 2000000000
  const tolerations = spec.tolerations ?? []
  for (const t of DEFAULT_TOLERATIONS) if (!tolerations.some((x) => x.key === t.key)) tolerations.push({...t})
  spec.tolerations = tolerations
  if (spec.automountServiceAccountToken === false) return
  const volumeName = `kube-api-access-${ctx.random.suffix(5)}`
  spec.volumes = [...(spec.volumes ?? []), serviceAccountTokenVolume(volumeName)]
  for (const c of spec.containers) {
    c.volumeMounts = [...(c.volumeMounts ?? []), {name: volumeName, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount'}]
  }
}

/** Returns the projected service-account token volume the ServiceAccount admission plugin adds. */
export function serviceAccountTokenVolume(name: string): {name: string; projected: unknown} {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        {serviceAccountToken: {expirationSeconds: 3607, path: 'token'}},
        {configMap: {items: [{key: 'ca.crt', path: 'ca.crt'}], name: 'kube-root-ca.crt'}},
        {downwardAPI: {items: [{fieldRef: {apiVersion: 'v1', fieldPath: 'metadata.namespace'}, path: 'namespace'}]}},
      ],
    },
  }
}

function allocateClusterIP(svc: Service, ctx: AdmissionContext): void {
  const spec = svc.spec
  if (spec.type === 'ExternalName') return
  const requested = spec.clusterIP ?? spec.clusterIPs?.[0]
  if (requested === 'None') {
    spec.clusterIP = 'None'
    spec.clusterIPs = ['None']
    return
  }
  const inUse = ctx.serviceIPsInUse()
  if (requested) {
    const problem = checkRequestedServiceIP(requested, inUse)
    const name = svc.metadata.name as string
    const value = `[]string{"${requested}"}`
    if (problem === 'in-use') throw invalid('Service', name, [{field: 'spec.clusterIPs', message: `Invalid value: ${value}: failed to allocate IP ${requested}: provided IP is already allocated`}])
    if (problem === 'out-of-range') throw invalid('Service', name, [{field: 'spec.clusterIPs', message: `Invalid value: ${value}: failed to allocate IP ${requested}: the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`}])
    spec.clusterIP = requested
    spec.clusterIPs = [requested]
    return
  }
  const ip = allocateServiceIP(inUse, ctx.random)
  if (!ip) throw new StatusError('InternalError', 'Internal error occurred: failed to allocate a serviceIP: range is full')
  spec.clusterIP = ip
  spec.clusterIPs = [ip]
}
