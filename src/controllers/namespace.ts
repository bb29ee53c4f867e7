// The namespace lifecycle: what the apiserver does when a namespace is deleted (the first DELETE marks
// it Terminating, a DELETE while content remains is a Conflict, the immortal namespaces refuse) and the
// namespace controller that empties a terminating namespace — every namespaced object deleted (pods
// gracefully, through the kubelet), and once nothing is left the `kubernetes` finalizer removed and the
// namespace itself deleted.

import {StatusError} from '../api/errors.js'
import {RESOURCES} from '../api/registry.js'
import type {KubeObject, Namespace} from '../api/types.js'
import type {ObjectStore} from '../store/store.js'
import {rfc3339} from '../util/clock.js'
import {clone, type Action, type ControllerContext} from './context.js'

/** The namespaces the NamespaceLifecycle admission plugin never lets go. */
export const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public']

const CONTENT_RESOURCES = RESOURCES.filter((r) => r.namespaced && r.simulated).map((r) => r.resource)

/**
 * Deletes a namespace as the apiserver does: marks it Terminating (deletionTimestamp, phase), or removes
 * it once its finalizers are gone; throws Forbidden for an immortal namespace and Conflict while the
 * namespace controller is still emptying it.
 */
export function deleteNamespace(store: ObjectStore, ns: Namespace, now: Date): void {
  const name = ns.metadata.name as string
  if (IMMORTAL_NAMESPACES.includes(name)) {
    throw new StatusError('Forbidden', `namespaces "${name}" is forbidden: this namespace may not be deleted`)
  }
  if (!ns.metadata.deletionTimestamp) {
    const next = clone(ns)
    next.metadata.deletionTimestamp = rfc3339(now)
    next.status = {...next.status, phase: 'Terminating'}
    store.update(next)
    return
  }
  if (ns.spec?.finalizers?.length) {
    throw new StatusError('Conflict', `Operation cannot be fulfilled on namespaces "${name}": The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.`)
  }
  store.remove(ns)
}

function contentOf(ctx: ControllerContext, namespace: string): KubeObject[] {
  return CONTENT_RESOURCES.flatMap((resource) => ctx.store.list(resource, namespace))
}

/** The namespace controller: empties every terminating namespace, then finalizes and deletes it. */
export function reconcileNamespaces(ctx: ControllerContext): Action[] {
  const actions: Action[] = []
  for (const ns of ctx.store.list<Namespace>('namespaces')) {
    if (!ns.metadata.deletionTimestamp) continue
    const content = contentOf(ctx, ns.metadata.name as string)
    for (const obj of content) if (!obj.metadata.deletionTimestamp) actions.push({type: 'delete', object: obj})
    if (content.length > 0) continue
    const finalized = clone(ns)
    finalized.spec = {...finalized.spec, finalizers: []}
    actions.push({type: 'update', object: finalized}, {type: 'delete', object: finalized})
  }
  return actions
}
