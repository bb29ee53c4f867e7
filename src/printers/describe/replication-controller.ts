// `kubectl describe replicationcontroller` (kubectl's describeReplicationController): selector, replica
// counts, the phase tally of the pods it controls, the pod template, conditions and events. The caller
// passes only the pods this RC controls (selector match and controller UID). Pure formatting.
import type {Event, Pod, ReplicationController} from '../../api/types.js'
import {writePodTemplate} from './pod-template.js'
import {formatLabelMap, PrefixWriter, writeAnnotations, writeEvents, writeLabels, type DescribeContext} from './writer.js'

/** Returns the full `kubectl describe rc` text for `rc`; `related.pods` are the pods it controls. */
export function describeReplicationController(rc: ReplicationController, related: {pods: Pod[]; events: Event[]}, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  w.write(0, `Name:\t${rc.metadata.name ?? ''}\n`)
  w.write(0, `Namespace:\t${rc.metadata.namespace ?? ''}\n`)
  w.write(0, `Selector:\t${formatLabelMap(rc.spec.selector)}\n`)
  writeLabels(w, 'Labels', rc.metadata.labels)
  writeAnnotations(w, 'Annotations', rc.metadata.annotations)
  w.write(0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec.replicas ?? 1} desired\n`)
  w.write(0, `Pods Status:\t${formatPodsStatus(related.pods)}\n`)
  writePodTemplate(w, rc.spec.template)
  writeControllerConditions(w, rc.status?.conditions)
  writeEvents(w, related.events, ctx.now)
  return w.toString()
}

/** Returns `<R> Running / <W> Waiting / <S> Succeeded / <F> Failed` for the controlled pods (Waiting = Pending). */
export function formatPodsStatus(pods: Pod[]): string {
  const count = (phase: string): number => pods.filter((p) => p.status?.phase === phase).length
  return `${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`
}

/** Writes a controller's `Conditions:` table (Type/Status/Reason) when it has any. */
export function writeControllerConditions(w: PrefixWriter, conditions: {type: string; status: string; reason?: string}[] | undefined): void {
  if (!conditions || conditions.length === 0) return
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n')
  w.write(1, '----\t------\t------\n')
  for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`)
}
