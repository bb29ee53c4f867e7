// `kubectl describe deployment` (kubectl's describeDeployment): creation time, selector, the replica summary,
// strategy, the pod template, conditions, the old and new ReplicaSets, and events. The caller finds the
// ReplicaSets the Deployment controls and tells which one is new (its template equals the Deployment's,
// ignoring pod-template-hash); old ones are listed in the order given. The Deployment shape is declared
// here until src/api/types.ts has one.
import type {Deployment, Event} from '../../api/types.js'
import {labelSelectorString} from '../format/labels.js'
import {writePodTemplate} from './pod-template.js'
import type {ReplicaSet} from '../../api/types.js'
import {writeControllerConditions} from './replication-controller.js'
import {formatTime, PrefixWriter, writeAnnotations, writeEvents, writeLabels, type DescribeContext} from './writer.js'

export type {Deployment} from '../../api/types.js'

/** What describe deployment needs besides the Deployment: its new and old ReplicaSets and its events. */
export interface DeploymentRelated {
  newReplicaSet?: ReplicaSet
  oldReplicaSets: ReplicaSet[]
  events: Event[]
}

/** Returns the full `kubectl describe deployment` text for `d`. */
export function describeDeployment(d: Deployment, related: DeploymentRelated, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  const {spec, status = {}} = d
  w.write(0, `Name:\t${d.metadata.name ?? ''}\n`)
  w.write(0, `Namespace:\t${d.metadata.namespace ?? ''}\n`)
  w.write(0, `CreationTimestamp:\t${formatTime(d.metadata.creationTimestamp)}\n`)
  writeLabels(w, 'Labels', d.metadata.labels)
  writeAnnotations(w, 'Annotations', d.metadata.annotations)
  w.write(0, `Selector:\t${labelSelectorString(spec.selector) ?? ''}\n`)
  w.write(0, `Replicas:\t${spec.replicas ?? 1} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ` +
    `${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`)
  w.write(0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`)
  w.write(0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`)
  const rolling = spec.strategy?.rollingUpdate
  if (rolling) w.write(0, `RollingUpdateStrategy:\t${rolling.maxUnavailable ?? '<nil>'} max unavailable, ${rolling.maxSurge ?? '<nil>'} max surge\n`)
  writePodTemplate(w, spec.template)
  writeControllerConditions(w, status.conditions)
  const newRSs = related.newReplicaSet ? [related.newReplicaSet] : []
  if (related.oldReplicaSets.length > 0 || newRSs.length > 0) {
    w.write(0, `OldReplicaSets:\t${formatReplicaSets(related.oldReplicaSets)}\n`)
    w.write(0, `NewReplicaSet:\t${formatReplicaSets(newRSs)}\n`)
  }
  writeEvents(w, related.events, ctx.now)
  return w.toString()
}

/** Returns `name (current/desired replicas created)` for each ReplicaSet joined by `, `, or `<none>`. */
function formatReplicaSets(replicaSets: ReplicaSet[]): string {
  const list = replicaSets.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 1} replicas created)`).join(', ')
  return list || '<none>'
}
