// The entry point of create-time defaulting: returns a new object with everything a v1.32 apiserver
// fills in before storing it (scheme defaults, the create strategies' status/generation, and for pods
// the ServiceAccount / DefaultTolerationSeconds / Priority admission plugins), with fields in canonical
// order. Not done here: name generation, uid/resourceVersion/timestamps (the store), clusterIP and
// nodePort allocation (IPAM), the kube-api-access volume (needs the seeded suffix; see
// service-account.ts), scheduling.

import type {KubeObject} from '../types.js'
import {orderFields} from '../schema/order.js'
import {defaultPod} from './pod.js'
import {defaultService} from './service.js'
import {defaultDeployment, defaultNamespace, defaultReplicaSet, defaultReplicationController} from './workloads.js'

export {serviceAccountVolume, withServiceAccountVolume, SERVICE_ACCOUNT_MOUNT_PATH} from './service-account.js'
export {podQOSClass} from './pod.js'
export {defaultPullPolicy} from './container.js'
export {canonicalQuantity} from './quantity.js'

type Obj = Record<string, unknown>

const DEFAULTERS: Record<string, (obj: Obj) => void> = {
  'v1/Pod': defaultPod,
  'v1/Service': defaultService,
  'v1/ReplicationController': defaultReplicationController,
  'v1/Namespace': defaultNamespace,
  'apps/v1/Deployment': defaultDeployment,
  'apps/v1/ReplicaSet': defaultReplicaSet,
}

/** Returns a defaulted copy of `obj` as the apiserver would store it on create; other kinds are only copied. */
export function applyDefaults<T extends KubeObject>(obj: T): T {
  const copy = structuredClone(obj) as T
  if (!copy.metadata) (copy as Obj).metadata = {}
  const defaulter = DEFAULTERS[`${copy.apiVersion}/${copy.kind}`]
  if (!defaulter) return copy
  defaulter(copy as unknown as Obj)
  return orderFields(copy)
}
