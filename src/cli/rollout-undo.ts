// `kbe rollout undo deploy/NAME [--to-revision=N]`, as kubectl's DeploymentRollbacker does it on the
// client: find the ReplicaSet of the revision (the previous one by default), and unless its template
// already is the Deployment's (`skipped rollback`), replace the Deployment's template with it (without
// the pod-template-hash label) and its annotations with the ReplicaSet's (keeping the controller's own).
// The deployment controller then reuses that ReplicaSet, which becomes the newest revision.

import {CliError} from '../api/errors.js'
import type {Cluster} from '../cluster/cluster.js'
import {equalIgnoreHash, HASH_LABEL, revisionOf, SKIPPED_ANNOTATIONS, type DeploymentObject, type ReplicaSetObject} from '../controllers/deployment-util.js'
import {CommandOutput} from './output.js'
import {findDeployment, historyOf, rolloutName, rolloutTargets} from './rollout.js'

export interface UndoOptions {
  namespace: string
  toRevision: number
}

/** Returns the ReplicaSet to roll back to (rsForRevision), or throws kubectl's error. */
export function replicaSetForRevision(d: DeploymentObject, sets: ReplicaSetObject[], toRevision: number): ReplicaSetObject {
  if (toRevision > 0) {
    const rs = sets.find((s) => revisionOf(s) === toRevision)
    if (!rs) throw new CliError(`unable to find specified revision ${toRevision} in history`)
    return rs
  }
  const ordered = [...sets].sort((a, b) => revisionOf(b) - revisionOf(a))
  if (ordered.length < 2) throw new CliError(`no rollout history found for deployment "${d.metadata.name}"`)
  return ordered[1]
}

/** Returns the Deployment with the ReplicaSet's template and annotations (the rollback patch applied). */
export function rolledBack(d: DeploymentObject, rs: ReplicaSetObject): DeploymentObject {
  const next = structuredClone(d)
  const template = structuredClone(rs.spec.template) as DeploymentObject['spec']['template']
  if (template.metadata?.labels) delete template.metadata.labels[HASH_LABEL]
  next.spec.template = template
  const annotations: Record<string, string> = {}
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (SKIPPED_ANNOTATIONS.has(k)) annotations[k] = v
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!SKIPPED_ANNOTATIONS.has(k)) annotations[k] = v
  next.metadata.annotations = annotations
  return next
}

/** Runs `kbe rollout undo`. */
export function runRolloutUndo(options: UndoOptions, args: string[], cluster: Cluster): CommandOutput {
  const result = new CommandOutput()
  for (const target of rolloutTargets(args)) {
    try {
      const d = findDeployment(cluster, target, options.namespace, 'undo')
      if (d.spec.paused) throw new CliError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again")
      const rs = replicaSetForRevision(d, [...historyOf(cluster, d).values()], options.toRevision)
      const name = rolloutName(target.info, target.name)
      if (equalIgnoreHash(rs.spec.template, d.spec.template)) {
        result.out(`${name} skipped rollback (current template already matches revision ${options.toRevision})\n`)
        continue
      }
      cluster.update(rolledBack(d, rs), true)
      result.out(`${name} rolled back\n`)
    } catch (error) {
      result.fail(error)
    }
  }
  return result
}
