// The `Pod Template:` section shared by the ReplicationController, ReplicaSet and Deployment describers
// (kubectl's DescribePodTemplate): labels, annotations, service account, containers without statuses,
// volumes, node selectors and tolerations, all indented one level under the title. Pure formatting.
import type {PodTemplateSpec} from '../../api/types.js'
import {writeContainers} from './containers.js'
import {writeVolumes} from './volumes.js'
import {writeAnnotations, writeLabels, writeTolerations, type PrefixWriter} from './writer.js'

/** Writes the `Pod Template:` section for `template` (`  <unset>` when there is none). */
export function writePodTemplate(w: PrefixWriter, template: PodTemplateSpec | undefined): void {
  w.write(0, 'Pod Template:\n')
  // kubectl writes no newline after <unset> here; kept for fidelity.
  if (!template) return w.write(1, '<unset>')
  const spec = template.spec
  writeLabels(w, '  Labels', template.metadata?.labels)
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) writeAnnotations(w, '  Annotations', template.metadata?.annotations)
  if (spec.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`)
  if (spec.initContainers && spec.initContainers.length > 0) writeContainers(w, 'Init Containers', spec.initContainers, undefined, undefined, '  ')
  writeContainers(w, 'Containers', spec.containers ?? [], undefined, undefined, '  ')
  writeVolumes(w, spec.volumes, '  ')
  const priorityClassName = spec.priorityClassName as string | undefined
  if (priorityClassName) w.write(1, `Priority Class Name:\t${priorityClassName}\n`)
  writeLabels(w, '  Node-Selectors', spec.nodeSelector)
  writeTolerations(w, '  Tolerations', spec.tolerations)
}
