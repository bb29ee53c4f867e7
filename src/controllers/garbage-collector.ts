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
  const uids = new Map<string, Set<string>>()
  const clean = cleanOf(ctx)
  for (const resource of DEPENDENT_RESOURCES) {
    // Garbage appears only when a dependent is written or an owner removed: else the last scan holds.
    const revision = ctx.store.revisionOf(resource)
    if (clean.get(resource) === revision) continue
    // Objects still undecoded in the state file were saved settled, free of garbage: only a removed
    // owner can make garbage of them, and only if one of them has an owner at all.
    if (!ctx.store.isDecoded(resource) && (ctx.store.removedCount() === 0 || !ctx.store.mayHaveOwners(resource))) continue
    const before = actions.length
    for (const obj of ctx.store.list(resource)) {
      const owners = obj.metadata.ownerReferences
      if (!owners?.length || obj.metadata.deletionTimestamp) continue
      if (owners.every((o) => !ownerExists(ctx, uids, obj, o.kind, o.uid))) actions.push({type: 'delete', object: obj})
    }
    if (actions.length === before) clean.set(resource, revision)
  }
  return actions
}

// Per store: dependent resource → the store revision at which a scan found no garbage in it.
const scans = new WeakMap<object, Map<string, string>>()

function cleanOf(ctx: ControllerContext): Map<string, string> {
  let clean = scans.get(ctx.store)
  if (!clean) scans.set(ctx.store, (clean = new Map()))
  return clean
}

/** `uids` caches, per owner resource, the "namespace/uid" of every object (built once per run). */
function ownerExists(ctx: ControllerContext, uids: Map<string, Set<string>>, dependent: KubeObject, kind: string, uid: string): boolean {
  const info = RESOURCES.find((r) => r.kind === kind)
  if (!info) return true // an owner kind kbe does not store is never considered gone
  let known = uids.get(info.resource)
  if (!known) {
    known = new Set(ctx.store.list(info.resource).map((o) => `${info.namespaced ? o.metadata.namespace : ''}/${o.metadata.uid}`))
    uids.set(info.resource, known)
  }
  return known.has(`${info.namespaced ? dependent.metadata.namespace : ''}/${uid}`)
}
