// A Deployment's status as the deployment controller computes it (calculateStatus, syncRolloutStatus):
// replica counts summed over its ReplicaSets, the Available condition (minimum availability =
// replicas − maxUnavailable), and the Progressing condition (NewReplicaSetCreated / FoundNewReplicaSet
// when the new ReplicaSet appears, ReplicaSetUpdated while progress is made, NewReplicaSetAvailable
// once complete). Conditions keep their lastTransitionTime while their status holds, and a condition
// that changes moves to the end of the list, as SetDeploymentCondition does. Pure.

import {rfc3339} from '../util/clock.js'
import {clone} from './context.js'
import {
  actualReplicas, availableReplicas, hasProgressDeadline, maxUnavailable, readyReplicas, specReplicas,
  type DeploymentCondition, type DeploymentObject, type DeploymentStatus, type ReplicaSetObject,
} from './deployment-util.js'

/** Returns a condition stamped at `now`. */
export function newCondition(type: string, status: string, reason: string, message: string, now: Date): DeploymentCondition {
  const t = rfc3339(now)
  return {type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message}
}

/** Sets a condition like SetDeploymentCondition: no-op when status and reason are unchanged. */
export function setCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = status.conditions?.find((c) => c.type === condition.type)
  if (current && current.status === condition.status && current.reason === condition.reason) return
  const next = {...condition}
  if (current && current.status === condition.status) next.lastTransitionTime = current.lastTransitionTime
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next]
}

/** Returns the condition of a type, if present. */
export function conditionOf(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type)
}

/** calculateStatus: counts over all ReplicaSets plus the Available condition. */
export function calculateStatus(d: DeploymentObject, all: ReplicaSetObject[], newRS: ReplicaSetObject | undefined, now: Date): DeploymentStatus {
  const available = availableReplicas(all)
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation ?? 1,
    replicas: actualReplicas(all),
    updatedReplicas: newRS ? actualReplicas([newRS]) : 0,
    readyReplicas: readyReplicas(all),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, specReplicas(all) - available),
  }
  if (d.status?.conditions) status.conditions = clone(d.status.conditions)
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount
  const replicas = d.spec.replicas ?? 1
  if (available >= replicas - maxUnavailable(d)) {
    setCondition(status, newCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now))
  } else {
    setCondition(status, newCondition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now))
  }
  return status
}

/** Returns whether the rollout the status describes is complete (DeploymentComplete). */
export function deploymentComplete(d: DeploymentObject, status: DeploymentStatus): boolean {
  const replicas = d.spec.replicas ?? 1
  return (status.updatedReplicas ?? 0) === replicas && (status.replicas ?? 0) === replicas &&
    (status.availableReplicas ?? 0) === replicas && (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 1)
}

function progressing(d: DeploymentObject, next: DeploymentStatus): boolean {
  const old = d.status ?? {}
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0)
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0)
  return (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld ||
    (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
}

/** syncRolloutStatus: the status to write, with the Progressing condition brought up to date. */
export function rolloutStatus(d: DeploymentObject, all: ReplicaSetObject[], newRS: ReplicaSetObject | undefined, now: Date): DeploymentStatus {
  const next = calculateStatus(d, all, newRS, now)
  const current = conditionOf(d.status, 'Progressing')
  const complete = next.replicas === next.updatedReplicas && current?.reason === 'NewReplicaSetAvailable'
  if (!hasProgressDeadline(d) || complete) return next
  const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`
  if (deploymentComplete(d, next)) {
    setCondition(next, newCondition('Progressing', 'True', 'NewReplicaSetAvailable', `${subject} has successfully progressed.`, now))
  } else if (progressing(d, next)) {
    const condition = newCondition('Progressing', 'True', 'ReplicaSetUpdated', `${subject} is progressing.`, now)
    if (current?.status === 'True') condition.lastTransitionTime = current.lastTransitionTime
    next.conditions = [...(next.conditions ?? []).filter((c) => c.type !== 'Progressing'), condition]
  }
  return next
}
