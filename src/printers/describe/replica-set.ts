// `kubectl describe replicaset` (kubectl's describeReplicaSet): selector, labels, controller, replica counts,
// the phase tally of the pods it controls, the pod template, conditions and events. The caller passes only
// the pods this ReplicaSet controls. The ReplicaSet shape is declared here until src/api/types.ts has one.
import type {Event, Pod, ReplicaSet} from '../../api/types.js'
import {formatLabelSelector} from '../format/labels.js'
import {writePodTemplate} from './pod-template.js'
import {formatPodsStatus, writeControllerConditions} from './replication-controller.js'
import {controllerOf, PrefixWriter, writeAnnotations, writeEvents, writeLabels, type DescribeContext} from './writer.js'

export type {ReplicaSet} from '../../api/types.js'

/** Returns the full `kubectl describe rs` text for `rs`; `related.pods` are the pods it controls. */
export function describeReplicaSet(rs: ReplicaSet, related: {pods: Pod[]; events: Event[]}, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  w.write(0, `Name:\t${rs.metadata.name ?? ''}\n`)
  w.write(0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`)
  w.write(0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`)
  writeLabels(w, 'Labels', rs.metadata.labels)
  writeAnnotations(w, 'Annotations', rs.metadata.annotations)
  const controlledBy = controllerOf(rs.metadata)
  if (controlledBy) w.write(0, `Controlled By:\t${controlledBy}\n`)
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 1} desired\n`)
  w.write(0, `Pods Status:\t${formatPodsStatus(related.pods)}\n`)
  writePodTemplate(w, rs.spec.template)
  writeControllerConditions(w, rs.status?.conditions)
  writeEvents(w, related.events, ctx.now)
  return w.toString()
}
