// `kubectl describe pod` (kubectl's describePod): header fields, status (or Terminating with its grace
// period), IPs, controller, containers with their statuses, readiness gates, conditions, volumes, QoS class,
// node selectors, tolerations and events. The events are gathered by the caller (those whose involvedObject
// is this pod); this module only formats. Pure: ages come from ctx.now.
import type {Container, Event, Pod} from '../../api/types.js'
import {writeContainers} from './containers.js'
import {addQuantities, quantityOf, type Quantity} from './quantity.js'
import {writeVolumes} from './volumes.js'
import {controllerOf, formatTime, PrefixWriter, writeAnnotations, writeEvents, writeLabels, writeTolerations, type DescribeContext} from './writer.js'
import {age} from '../format/duration.js'

/** Returns the full `kubectl describe pod` text for `pod`. */
export function describePod(pod: Pod, related: {events: Event[]}, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  writeHeader(w, pod, ctx)
  const status = pod.status ?? {}
  const spec = pod.spec
  if (spec.initContainers && spec.initContainers.length > 0) {
    writeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses, pod, '')
  }
  writeContainers(w, 'Containers', spec.containers ?? [], status.containerStatuses, pod, '')
  writeReadinessGates(w, pod)
  if (status.conditions && status.conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n')
    // Both cells carry a trailing space before the padding, as in kubectl's format string.
    for (const c of status.conditions) w.write(1, `${c.type} \t${c.status} \n`)
  }
  writeVolumes(w, spec.volumes, '')
  w.write(0, `QoS Class:\t${status.qosClass || computeQOSClass(pod)}\n`)
  writeLabels(w, 'Node-Selectors', spec.nodeSelector)
  writeTolerations(w, 'Tolerations', spec.tolerations)
  writeEvents(w, related.events, ctx.now)
  return w.toString()
}

function writeHeader(w: PrefixWriter, pod: Pod, ctx: DescribeContext): void {
  const {metadata: meta, spec} = pod
  const status = pod.status ?? {}
  w.write(0, `Name:\t${meta.name ?? ''}\n`)
  w.write(0, `Namespace:\t${meta.namespace ?? ''}\n`)
  if (spec.priority !== undefined && spec.priority !== null) w.write(0, `Priority:\t${spec.priority}\n`)
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName as string}\n`)
  if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName as string}\n`)
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`)
  w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n')
  if (status.startTime) w.write(0, `Start Time:\t${formatTime(status.startTime)}\n`)
  writeLabels(w, 'Labels', meta.labels)
  writeAnnotations(w, 'Annotations', meta.annotations)
  if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    // The deletion timestamp lies in the future during the grace period, so this reads `<invalid>` then.
    w.write(0, `Status:\tTerminating (lasts ${age(meta.deletionTimestamp, ctx.now)})\n`)
    w.write(0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`)
  } else {
    w.write(0, `Status:\t${status.phase ?? ''}\n`)
  }
  if (status.reason) w.write(0, `Reason:\t${status.reason}\n`)
  if (status.message) w.write(0, `Message:\t${status.message}\n`)
  w.write(0, `IP:\t${status.podIP ?? ''}\n`)
  const ips = status.podIPs ?? []
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n')
  else {
    w.write(0, 'IPs:\n')
    for (const ip of ips) w.write(1, `IP:\t${ip.ip}\n`)
  }
  const controlledBy = controllerOf(meta)
  if (controlledBy) w.write(0, `Controlled By:\t${controlledBy}\n`)
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`)
}

function writeReadinessGates(w: PrefixWriter, pod: Pod): void {
  const gates = pod.spec.readinessGates ?? []
  if (gates.length === 0) return
  w.write(0, 'Readiness Gates:\n  Type\tStatus\n')
  for (const g of gates) {
    const condition = pod.status?.conditions?.find((c) => c.type === g.conditionType)
    w.write(1, `${g.conditionType} \t${condition ? condition.status : '<none>'} \n`)
  }
}

const QOS_RESOURCES = ['cpu', 'memory']

/** Returns the pod's QoS class computed from its containers (ComputePodQOS), used when status.qosClass is unset. */
export function computeQOSClass(pod: Pod): string {
  const requests = new Map<string, Quantity>()
  const limits = new Map<string, Quantity>()
  let guaranteed = true
  const containers: Container[] = [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])]
  for (const c of containers) {
    accumulate(requests, c.resources?.requests)
    const found = accumulate(limits, c.resources?.limits)
    if (!QOS_RESOURCES.every((r) => found.has(r))) guaranteed = false
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort'
  if (guaranteed && requests.size === limits.size) {
    if ([...requests].every(([name, q]) => limits.get(name)?.nanos === q.nanos)) return 'Guaranteed'
  }
  return 'Burstable'
}

function accumulate(into: Map<string, Quantity>, list: Record<string, string> | undefined): Set<string> {
  const found = new Set<string>()
  for (const name of QOS_RESOURCES) {
    const q = quantityOf(list?.[name])
    if (q.nanos === 0n) continue
    found.add(name)
    into.set(name, addQuantities(into.get(name) ?? {nanos: 0n, format: q.format}, q))
  }
  return found
}
