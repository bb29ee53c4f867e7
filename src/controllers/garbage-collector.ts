// The garbage collector, background propagation only: an object whose every ownerReference points at
// an owner that no longer exists is deleted (pods gracefully, through the kubelet). Deleting a
// ReplicationController therefore takes its pods with it, as `kubectl delete rc` does.

import type {KubeObject} from '../api/types.js'
import {RESOURCES} from '../api/registry.js'
import type {Action, ControllerContext} from './context.js'

const DEPENDENT_RESOURCES = ['pods', 'replicasets', 'endpoints', 'events']

/** The garbage collector. */
export function collectGarbage(ctx: ControllerContext): Action[] {
  const actions: Action[] = []
  for (const resource of DEPENDENT_RESOURCES) {
    for (const obj of ctx.store.list(resource)) {
      const owners = obj.metadata.ownerReferences
      if (!owners?.length || obj.metadata.deletionTimestamp) continue
      if (owners.every((o) => !ownerExists(ctx, obj, o.kind, o.uid))) actions.push({type: 'delete', object: obj})
    }
  }
  return actions
}

function ownerExists(ctx: ControllerContext, dependent: KubeObject, kind: string, uid: string): boolean {
  const info = RESOURCES.find((r) => r.kind === kind)
  if (!info) return true // an owner kind kbe does not store is never considered gone
  const candidates = info.namespaced ? ctx.store.list(info.resource, dependent.metadata.namespace) : ctx.store.list(info.resource)
  return candidates.some((o) => o.metadata.uid === uid)
}
