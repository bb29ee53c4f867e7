// The apiserver's create path for one object, after decoding: defaulting, the admission plugins that
// matter for these kinds (ServiceAccount: the projected token volume and mount; DefaultTolerationSeconds;
// Priority), validation, and the service ClusterIP allocator. Returns the object to store or throws
// the StatusError the apiserver would.

import {StatusError, invalid, notFound} from '../api/errors.js'
import {applyDefaults, withServiceAccountVolume} from '../api/defaults/index.js'
import {resourceForKind, qualifiedResource} from '../api/registry.js'
import {strictDecode} from '../api/schema/decode.js'
import type {KubeObject, Namespace, Pod, Service} from '../api/types.js'
import {invalidError, throwIfInvalid} from '../api/validation/index.js'
import {validateServiceClusterIPs} from '../api/validation/service.js'
import {orderFields} from '../api/schema/order.js'
import type {ObjectStore} from '../store/store.js'
import type {Random} from '../util/random.js'
import {allocateServiceIP, checkRequestedServiceIP, SERVICE_CIDR} from '../net/ipam.js'
import {convertLegacyApps} from '../controllers/deployment-legacy.js'

export interface AdmissionContext {
  random: Random
  store: ObjectStore
  serviceIPsInUse: () => Set<string>
}

/**
 * Returns the object ready to store: strictly decoded (user input only: controllers send well-formed
 * objects), defaulted, admitted (namespace lifecycle, service account, tolerations, priority, ClusterIP)
 * and validated — in the apiserver's order, so the first problem it would report is the one reported.
 */
export function admit(original: KubeObject, ctx: AdmissionContext, fromUser: boolean): KubeObject {
  // Beta apps versions (the tutorial's apps/v1beta1 manifests) are converted to apps/v1 first.
  const input = convertLegacyApps(original)
  if (fromUser) strictDecode(input as unknown as Record<string, unknown>)
  const obj = applyDefaults(input)
  checkNamespace(obj, ctx.store)
  if (obj.kind === 'Pod') admitPod(obj as Pod, ctx)
  if (obj.kind === 'Service') {
    // The apiserver's IP allocator checks the requested clusterIPs first, and stops there.
    const ipErrors = validateServiceClusterIPs((obj as Service).spec ?? {})
    if (ipErrors.length) throw invalidError(obj.apiVersion, obj.kind, obj.metadata.name ?? '', ipErrors)
    allocateClusterIP(obj as Service, ctx)
  }
  throwIfInvalid(obj)
  return orderFields(obj)
}

/** NamespaceLifecycle: the namespace must exist and not be terminating. */
function checkNamespace(obj: KubeObject, store: ObjectStore): void {
  const info = resourceForKind(obj.apiVersion, obj.kind)
  if (!info?.namespaced) return
  const name = obj.metadata.namespace ?? 'default'
  const ns = store.find<Namespace>('namespaces', undefined, name)
  if (!ns) throw notFound('namespaces', name)
  if (ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating') {
    throw new StatusError('Forbidden', `${qualifiedResource(info)} "${obj.metadata.name ?? ''}" is forbidden: unable to create new content in namespace ${name} because it is being terminated`)
  }
}

/** The ServiceAccount admission plugin's projected token volume, with the seeded random suffix. */
function admitPod(pod: Pod, ctx: AdmissionContext): void {
  pod.spec = withServiceAccountVolume(pod.spec as unknown as Record<string, unknown>, ctx.random.suffix(5)) as unknown as Pod['spec']
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
