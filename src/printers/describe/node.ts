// `kubectl describe node` (kubectl's describeNode): roles, labels, taints, the kubelet lease, conditions,
// addresses, capacity/allocatable, system info, pod CIDRs, the Non-terminated Pods table and the Allocated
// resources summary computed from the pods' requests and limits (PodRequestsAndLimits), then events. The
// caller passes the pods bound to the node, the node's lease if any, and its events. Pure: ages use ctx.now.
import type {Container, Event, Lease, Node, Pod} from '../../api/types.js'
import {age} from '../format/duration.js'
import {addQuantities, formatQuantity, milliValue, quantityOf, unitValue, ZERO_QUANTITY, type Quantity} from './quantity.js'
import {formatTime, PrefixWriter, writeAnnotations, writeEvents, writeLabels, writeTaints, type DescribeContext} from './writer.js'

/** What describe node needs besides the Node: the pods bound to it, its lease and its events. */
export interface NodeRelated {
  pods: Pod[]
  events: Event[]
  lease?: Lease
}

type ResourceTotals = Map<string, Quantity>

/** Returns the full `kubectl describe node` text for `node`. */
export function describeNode(node: Node, related: NodeRelated, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  const name = node.metadata.name ?? ''
  w.write(0, `Name:\t${name}\n`)
  w.write(0, `Roles:\t${findNodeRoles(node.metadata.labels).join(',') || '<none>'}\n`)
  writeLabels(w, 'Labels', node.metadata.labels)
  writeAnnotations(w, 'Annotations', node.metadata.annotations)
  w.write(0, `CreationTimestamp:\t${formatTime(node.metadata.creationTimestamp)}\n`)
  writeTaints(w, 'Taints', node.spec.taints)
  w.write(0, `Unschedulable:\t${node.spec.unschedulable === true}\n`)
  writeLease(w, name, related.lease)
  writeStatus(w, node)
  const spec = node.spec as Node['spec'] & {providerID?: string}
  if (spec.podCIDR) w.write(0, `PodCIDR:\t${spec.podCIDR}\n`)
  if (spec.podCIDRs && spec.podCIDRs.length > 0) w.write(0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`)
  if (spec.providerID) w.write(0, `ProviderID:\t${spec.providerID}\n`)
  writeNodeResources(w, node, nonTerminatedPods(name, related.pods), ctx.now)
  writeEvents(w, related.events, ctx.now)
  return w.toString()
}

/** Returns the node's roles from `node-role.kubernetes.io/<role>` and `kubernetes.io/role` labels, sorted. */
export function findNodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>()
  for (const [key, value] of Object.entries(labels ?? {})) {
    if (key.startsWith('node-role.kubernetes.io/')) {
      const role = key.slice('node-role.kubernetes.io/'.length)
      if (role) roles.add(role)
    } else if (key === 'kubernetes.io/role' && value) {
      roles.add(value)
    }
  }
  return [...roles].sort()
}

function writeLease(w: PrefixWriter, nodeName: string, lease: Lease | undefined): void {
  if (!lease) {
    w.write(0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${nodeName}" not found\n`)
    return
  }
  const spec = lease.spec ?? {}
  w.write(0, 'Lease:\n')
  w.write(1, `HolderIdentity:\t${spec.holderIdentity ?? '<unset>'}\n`)
  w.write(1, `AcquireTime:\t${spec.acquireTime ? formatTime(spec.acquireTime) : '<unset>'}\n`)
  w.write(1, `RenewTime:\t${spec.renewTime ? formatTime(spec.renewTime) : '<unset>'}\n`)
}

function writeStatus(w: PrefixWriter, node: Node): void {
  const status = node.status ?? {}
  const conditions = status.conditions ?? []
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n')
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n')
    for (const c of conditions) {
      w.write(1, `${c.type} \t${c.status} \t${formatTime(c.lastHeartbeatTime)} \t${formatTime(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`)
    }
  }
  w.write(0, 'Addresses:\n')
  for (const a of status.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`)
  for (const [title, list] of [['Capacity', status.capacity], ['Allocatable', status.allocatable]] as const) {
    const names = Object.keys(list ?? {}).sort()
    if (names.length === 0) continue
    w.write(0, `${title}:\n`)
    for (const n of names) w.write(0, `  ${n}:\t${formatQuantity(quantityOf(list![n]))}\n`)
  }
  const info = status.nodeInfo ?? {}
  w.write(0, 'System Info:\n')
  for (const [label, key] of SYSTEM_INFO) w.write(0, `  ${label}:\t${info[key] ?? ''}\n`)
}

const SYSTEM_INFO = [
  ['Machine ID', 'machineID'], ['System UUID', 'systemUUID'], ['Boot ID', 'bootID'],
  ['Kernel Version', 'kernelVersion'], ['OS Image', 'osImage'], ['Operating System', 'operatingSystem'],
  ['Architecture', 'architecture'], ['Container Runtime Version', 'containerRuntimeVersion'],
  ['Kubelet Version', 'kubeletVersion'], ['Kube-Proxy Version', 'kubeProxyVersion'],
] as const

// kubectl lists pods with spec.nodeName=<node>,status.phase!=Succeeded,status.phase!=Failed; the API
// returns them ordered by namespace, then name.
function nonTerminatedPods(nodeName: string, pods: Pod[]): Pod[] {
  const key = (p: Pod): string => `${p.metadata.namespace ?? ''}/${p.metadata.name ?? ''}`
  return pods
    .filter((p) => p.spec.nodeName === nodeName && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
}

function writeNodeResources(w: PrefixWriter, node: Node, pods: Pod[], now: Date): void {
  const status = node.status ?? {}
  const allocatable = Object.keys(status.allocatable ?? {}).length > 0 ? status.allocatable! : status.capacity ?? {}
  const alloc = (name: string): Quantity => quantityOf(allocatable[name])
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`)
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n')
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n')
  const totalRequests: ResourceTotals = new Map()
  const totalLimits: ResourceTotals = new Map()
  for (const pod of pods) {
    const {requests, limits} = podRequestsAndLimits(pod)
    addAll(totalRequests, requests)
    addAll(totalLimits, limits)
    const cells = [requests.get('cpu'), limits.get('cpu')].map((q) => withPercent(q, alloc('cpu'), milliValue))
      .concat([requests.get('memory'), limits.get('memory')].map((q) => withPercent(q, alloc('memory'), unitValue)))
    w.write(1, `${pod.metadata.namespace ?? ''}\t${pod.metadata.name ?? ''}\t\t${cells.join('\t')}\t${age(pod.metadata.creationTimestamp, now)}\n`)
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n')
  w.write(1, 'Resource\tRequests\tLimits\n')
  w.write(1, '--------\t--------\t------\n')
  const row = (name: string, value: (q: Quantity) => bigint): void =>
    w.write(1, `${name}\t${withPercent(totalRequests.get(name), alloc(name), value)}\t${withPercent(totalLimits.get(name), alloc(name), value)}\n`)
  row('cpu', milliValue)
  row('memory', unitValue)
  row('ephemeral-storage', unitValue)
  const names = Object.keys(allocatable).sort()
  for (const name of names.filter((n) => n.startsWith('hugepages-'))) row(name, unitValue)
  for (const name of names.filter((n) => !STANDARD_RESOURCES.has(n) && !n.startsWith('hugepages-') && n !== 'pods')) {
    w.write(1, `${name}\t${formatQuantity(totalRequests.get(name) ?? ZERO_QUANTITY)}\t${formatQuantity(totalLimits.get(name) ?? ZERO_QUANTITY)}\n`)
  }
}

const STANDARD_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage'])

// `<quantity> (<percent>%)`, the percentage truncated like Go's int64(float64 ratio * 100); a zero
// allocatable gives 0%.
function withPercent(q: Quantity | undefined, allocatable: Quantity, value: (q: Quantity) => bigint): string {
  const amount = q ?? ZERO_QUANTITY
  const total = Number(value(allocatable))
  const percent = total === 0 ? 0 : Math.trunc((Number(value(amount)) / total) * 100)
  return `${formatQuantity(amount)} (${percent}%)`
}

/** Returns a pod's effective requests and limits: containers summed, init containers as a floor (PodRequestsAndLimits). */
export function podRequestsAndLimits(pod: Pod): {requests: ResourceTotals; limits: ResourceTotals} {
  const sum = (pick: (c: Container) => Record<string, string> | undefined): ResourceTotals => {
    const totals: ResourceTotals = new Map()
    for (const c of pod.spec.containers ?? []) addAll(totals, toQuantities(pick(c)))
    for (const c of pod.spec.initContainers ?? []) {
      for (const [name, q] of toQuantities(pick(c))) {
        const current = totals.get(name)
        if (!current || q.nanos > current.nanos) totals.set(name, q)
      }
    }
    return totals
  }
  return {requests: sum((c) => c.resources?.requests), limits: sum((c) => c.resources?.limits)}
}

function toQuantities(list: Record<string, string> | undefined): ResourceTotals {
  return new Map(Object.entries(list ?? {}).map(([name, text]) => [name, quantityOf(text)]))
}

function addAll(into: ResourceTotals, from: ResourceTotals): void {
  for (const [name, q] of from) into.set(name, into.has(name) ? addQuantities(into.get(name)!, q) : q)
}
