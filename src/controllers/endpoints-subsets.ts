// How the endpoints controller packs a Service's endpoints (v1.32): the selected pods that have an IP and
// are neither being deleted nor finished, each service port resolved to the pod's target port (a number,
// or a named container port), one subset per distinct port set, ready pods under `addresses` and the
// others under `notReadyAddresses`, addresses sorted by IP. computeSubsets is the from-scratch reference;
// endpoints-model.ts keeps the same result up to date pod by pod. Pure.

import type {EndpointAddress, EndpointPort, EndpointSubset, Pod, Service, ServicePort} from '../api/types.js'
import {isPodReady} from './pod-owners.js'

/** Returns whether every pair of the selector is among the labels. */
export function selects(selector: Record<string, string>, labels?: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v)
}

/** Returns the pod port a service port sends to, or undefined when the pod has no such named port. */
export function resolveTargetPort(port: ServicePort, pod: Pod): number | undefined {
  const target = port.targetPort ?? port.port
  if (typeof target === 'number') return target
  if (/^\d+$/.test(target)) return Number(target)
  for (const c of pod.spec.containers) {
    const found = c.ports?.find((p) => p.name === target && (p.protocol ?? 'TCP') === (port.protocol ?? 'TCP'))
    if (found) return found.containerPort
  }
  return undefined
}

function compareIP(a: EndpointAddress, b: EndpointAddress): number {
  return a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0
}

/** Returns the packed subsets for a service and the pods of its namespace. */
export function computeSubsets(svc: Service, pods: Pod[]): EndpointSubset[] {
  const bySignature = new Map<string, EndpointSubset>()
  for (const pod of pods) {
    const ip = pod.status?.podIP
    if (!ip || pod.metadata.deletionTimestamp || !selects(svc.spec.selector ?? {}, pod.metadata.labels)) continue
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue
    const ports: EndpointPort[] = []
    for (const sp of svc.spec.ports ?? []) {
      const port = resolveTargetPort(sp, pod)
      if (port === undefined) continue
      ports.push({...(sp.name ? {name: sp.name} : {}), port, protocol: sp.protocol ?? 'TCP'})
    }
    const address: EndpointAddress = {ip, nodeName: pod.spec.nodeName, targetRef: {kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name as string, uid: pod.metadata.uid}}
    if (!pod.spec.nodeName) delete address.nodeName
    const signature = JSON.stringify(ports)
    const subset = bySignature.get(signature) ?? {ports}
    bySignature.set(signature, subset)
    const ready = isPodReady(pod) || svc.spec.publishNotReadyAddresses
    const list = ready ? (subset.addresses ??= []) : (subset.notReadyAddresses ??= [])
    list.push(address)
  }
  const subsets = [...bySignature.values()]
  for (const s of subsets) {
    s.addresses?.sort(compareIP)
    s.notReadyAddresses?.sort(compareIP)
    if (s.ports && s.ports.length === 0) delete s.ports
  }
  return subsets.sort((a, b) => (JSON.stringify(a.ports) < JSON.stringify(b.ports) ? -1 : 1))
}
