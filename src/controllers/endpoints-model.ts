// One Service's endpoints kept up to date pod by pod: the selected pods that have an IP and are neither
// being deleted nor finished, grouped by the ports they resolve to and split into ready and not-ready
// addresses, each list kept sorted by IP. A pod change moves one address (O(log n) to find its place), and
// `subsets()` returns exactly what a fresh computeSubsets over the namespace's pods would return — same
// order, same key order — while reusing the address objects and the arrays of unchanged lists, so the
// caller can compare it with the stored Endpoints cheaply. The returned values are never edited later.

import type {EndpointAddress, EndpointPort, EndpointSubset, Pod, Service} from '../api/types.js'
import {resolveTargetPort, selects} from './endpoints-subsets.js'
import {isPodReady} from './pod-owners.js'

/** What one selected pod contributes. */
interface Member {
  key: string
  ip: string
  ready: boolean
  signature: string
  ports: EndpointPort[]
  address: EndpointAddress
}

/** The ready or not-ready addresses of one port set, sorted by IP (then store order, as a stable sort leaves them). */
class AddressList {
  readonly members: Member[] = []
  /** The members' addresses, in the same order. */
  private readonly addressList: EndpointAddress[] = []
  /** A copy of addressList handed out (and stored): never edited. */
  private cached?: EndpointAddress[]
  /** The smallest store key in the list, undefined when unknown (recomputed on demand). */
  private first?: string

  /** Returns where `m` is, or belongs, in the ordered member list (binary search). */
  private position(m: Member): number {
    const list = this.members
    let lo = 0
    let hi = list.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (before(list[mid], m)) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  insert(m: Member): void {
    const list = this.members
    const lo = this.position(m)
    list.splice(lo, 0, m)
    this.addressList.splice(lo, 0, m.address)
    this.cached = undefined
    if (this.first !== undefined && m.key < this.first) this.first = m.key
    if (list.length === 1) this.first = m.key
  }

  remove(m: Member): void {
    const list = this.members
    const lo = this.position(m)
    if (list[lo] !== m) throw new Error(`kbe: endpoints bookkeeping lost ${m.key}`)
    list.splice(lo, 1)
    this.addressList.splice(lo, 1)
    this.cached = undefined
    if (m.key === this.first) this.first = undefined
  }

  /** Returns the smallest store key among the members. */
  firstKey(): string {
    if (this.first === undefined) {
      let min = this.members[0].key
      for (const m of this.members) if (m.key < min) min = m.key
      this.first = min
    }
    return this.first
  }

  addresses(): EndpointAddress[] {
    this.cached ??= this.addressList.slice()
    return this.cached
  }
}

function before(a: Member, b: Member): boolean {
  return a.ip < b.ip || (a.ip === b.ip && a.key < b.key)
}

interface PortGroup {
  ports: EndpointPort[]
  ready: AddressList
  notReady: AddressList
}

export class ServiceEndpoints {
  private readonly members = new Map<string, Member>()
  private readonly groups = new Map<string, PortGroup>()
  private cached?: EndpointSubset[]

  /** The resolved ports when they don't depend on the pod (no named target port): shared by every address. */
  private readonly fixedPorts?: {ports: EndpointPort[]; signature: string}

  /** `pods`: every pod of the service's namespace the selector may match. */
  constructor(readonly svc: Service, pods: Pod[]) {
    if ((svc.spec.ports ?? []).every((sp) => typeof (sp.targetPort ?? sp.port) === 'number' || /^\d+$/.test(String(sp.targetPort)))) {
      this.fixedPorts = portsFor(svc, undefined)
    }
    const byGroup = new Map<string, Member[]>()
    for (const pod of pods) {
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`
      const m = this.memberFor(key, pod)
      if (!m) continue
      this.members.set(key, m)
      const list = byGroup.get(m.signature)
      if (list) list.push(m)
      else byGroup.set(m.signature, [m])
    }
    for (const list of byGroup.values()) {
      list.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0))
      for (const m of list) this.add(m)
    }
  }

  /** Takes a pod's new state (undefined: removed); returns whether the endpoints changed. */
  update(key: string, pod: Pod | undefined): boolean {
    const old = this.members.get(key)
    const m = pod ? this.memberFor(key, pod) : undefined
    if (!old && !m) return false
    if (old && m && old.ready === m.ready && old.signature === m.signature && sameAddress(old.address, m.address)) return false
    if (old) this.drop(old)
    if (m) this.add(m)
    return true
  }

  /** Returns the packed subsets (computeSubsets' result), the same value until the next change. */
  subsets(): EndpointSubset[] {
    if (this.cached) return this.cached
    let groups = [...this.groups.values()]
    // computeSubsets meets the port sets in store order of their first pod, then sorts them.
    if (groups.length > 1) groups = groups.map((g) => ({g, first: firstKey(g)})).sort((a, b) => (a.first < b.first ? -1 : 1)).map((x) => x.g)
    const subsets = groups.map((g) => {
      const subset: EndpointSubset = g.ports.length ? {ports: g.ports} : {}
      const hasReady = g.ready.members.length > 0
      const hasNotReady = g.notReady.members.length > 0
      // The list whose first pod (store order) came first was created first.
      const readyFirst = hasReady && (!hasNotReady || g.ready.firstKey() < g.notReady.firstKey())
      if (readyFirst) subset.addresses = g.ready.addresses()
      if (hasNotReady) subset.notReadyAddresses = g.notReady.addresses()
      if (hasReady && !readyFirst) subset.addresses = g.ready.addresses()
      return subset
    })
    if (subsets.length > 1) subsets.sort((a, b) => (JSON.stringify(a.ports) < JSON.stringify(b.ports) ? -1 : 1))
    this.cached = subsets
    return subsets
  }

  private memberFor(key: string, pod: Pod): Member | undefined {
    const svc = this.svc
    const ip = pod.status?.podIP
    if (!ip || pod.metadata.deletionTimestamp || !selects(svc.spec.selector ?? {}, pod.metadata.labels)) return undefined
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return undefined
    const {ports, signature} = this.fixedPorts ?? portsFor(svc, pod)
    const address: EndpointAddress = {ip, nodeName: pod.spec.nodeName, targetRef: {kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name as string, uid: pod.metadata.uid}}
    if (!pod.spec.nodeName) delete address.nodeName
    const ready = Boolean(isPodReady(pod) || svc.spec.publishNotReadyAddresses)
    return {key, ip, ready, signature, ports, address}
  }

  private add(m: Member): void {
    this.members.set(m.key, m)
    let g = this.groups.get(m.signature)
    if (!g) {
      g = {ports: m.ports, ready: new AddressList(), notReady: new AddressList()}
      this.groups.set(m.signature, g)
    }
    ;(m.ready ? g.ready : g.notReady).insert(m)
    this.cached = undefined
  }

  private drop(m: Member): void {
    this.members.delete(m.key)
    const g = this.groups.get(m.signature) as PortGroup
    ;(m.ready ? g.ready : g.notReady).remove(m)
    if (g.ready.members.length === 0 && g.notReady.members.length === 0) this.groups.delete(m.signature)
    this.cached = undefined
  }
}

/** The service's ports resolved against a pod's containers (`pod` may be absent when no port is named). */
function portsFor(svc: Service, pod: Pod | undefined): {ports: EndpointPort[]; signature: string} {
  const ports: EndpointPort[] = []
  for (const sp of svc.spec.ports ?? []) {
    const port = resolveTargetPort(sp, pod as Pod)
    if (port === undefined) continue
    ports.push({...(sp.name ? {name: sp.name} : {}), port, protocol: sp.protocol ?? 'TCP'})
  }
  return {ports, signature: JSON.stringify(ports)}
}

/** Returns whether two addresses (as memberFor builds them) are equal. */
function sameAddress(a: EndpointAddress, b: EndpointAddress): boolean {
  const x = a.targetRef
  const y = b.targetRef
  return a.ip === b.ip && a.nodeName === b.nodeName && x?.name === y?.name && x?.uid === y?.uid && x?.namespace === y?.namespace
}

function firstKey(g: PortGroup): string {
  if (g.ready.members.length === 0) return g.notReady.firstKey()
  if (g.notReady.members.length === 0) return g.ready.firstKey()
  const a = g.ready.firstKey()
  const b = g.notReady.firstKey()
  return a < b ? a : b
}
