// Runs the controllers to a fixed point, like the control plane would converge: every pass asks each
// controller, in a fixed order, for its actions; the caller applies them; the loop ends when a pass has
// nothing to do. A cap on passes turns an oscillation (two controllers undoing each other) into a
// descriptive error instead of a hang. Each controller keeps watch-fed caches and a work queue per store
// (work-queue.ts), so a pass after a small change costs O(what changed), not O(cluster); its actions are
// the ones a full re-read of the store would give, which RESYNC_EVERY_RUN lets tests check.

import type {Action, Controller, ControllerContext} from './context.js'
import {collectGarbage} from './garbage-collector.js'
import {journalEndpointsInputs, reconcileEndpoints} from './endpoints.js'
import {reconcileNamespaces} from './namespace.js'
import {reconcileDeployments} from './deployment.js'
import {schedulePods} from './pod-lifecycle.js'
import {reconcileReplicaSets, reconcileReplicationControllers} from './replication.js'
import {dropCaches} from './work-queue.js'
import type {ObjectStore} from '../store/store.js'

/** The controllers, in the order each pass runs them. */
export const CONTROLLERS: readonly {name: string; run: Controller}[] = [
  {name: 'namespace-controller', run: reconcileNamespaces},
  {name: 'garbage-collector', run: collectGarbage},
  {name: 'replication-controller', run: reconcileReplicationControllers},
  {name: 'deployment-controller', run: reconcileDeployments},
  {name: 'replicaset-controller', run: reconcileReplicaSets},
  {name: 'default-scheduler', run: schedulePods},
  {name: 'endpoints-controller', run: reconcileEndpoints},
]

export const MAX_PASSES = 50

/**
 * Prepares a freshly loaded store for the controllers: what a controller that starts from the writes
 * since the load (instead of a full resync) needs kept from the first write on.
 */
export function prepareControllers(store: ObjectStore): void {
  journalEndpointsInputs(store)
}

/**
 * Stores whose controllers start every run from a full resync (caches dropped), as every run did before
 * the controllers kept caches: the reference the incremental path is tested against.
 */
export const RESYNC_EVERY_RUN = new WeakSet<object>()

/** Runs passes until no controller returns an action; throws if that takes more than MAX_PASSES. */
export function runControllers(context: () => ControllerContext, apply: (actions: Action[]) => void): void {
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let acted = false
    for (const controller of CONTROLLERS) {
      const ctx = context()
      if (RESYNC_EVERY_RUN.has(ctx.store)) dropCaches(ctx.store)
      const actions = controller.run(ctx)
      if (actions.length) {
        acted = true
        apply(actions)
      }
    }
    if (!acted) return
  }
  const busy = CONTROLLERS.filter((c) => c.run(context()).length).map((c) => c.name)
  throw new Error(`kbe: the controllers did not settle after ${MAX_PASSES} passes (still acting: ${busy.join(', ')})`)
}
