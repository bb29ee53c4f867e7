// The endpoints controller (v1.32): for every Service with a selector it keeps an Endpoints object of
// the same name whose subsets list the selected pods that have an IP and are not being deleted — ready
// ones under `addresses`, the others under `notReadyAddresses` — with each service port resolved to the
// pod's target port (a number, or a named container port). Subsets are packed as the API does: one
// subset per distinct port set, addresses sorted by IP. Services without a selector are left alone.

import type {EndpointAddress, EndpointPort, EndpointSubset, Endpoints, Pod, Service, ServicePort} from '../api/types.js'
import {rfc3339} from '../util/clock.js'
import {clone, jsonEqual, type Action, type ControllerContext} from './context.js'
import {isPodReady} from './replication.js'

export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time'

function selects(selector: Record<string, string>, labels?: Record<string, string>): boolean {
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

function desiredEndpoints(svc: Service, subsets: EndpointSubset[], at: Date): Endpoints {
  const labels = {...(svc.metadata.labels ?? {})}
  if (svc.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = ''
  const ep: Endpoints = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {name: svc.metadata.name, namespace: svc.metadata.namespace, annotations: {[TRIGGER_TIME_ANNOTATION]: rfc3339(at)}},
  }
  if (Object.keys(labels).length) ep.metadata.labels = labels
  if (subsets.length) ep.subsets = subsets
  return ep
}

/** The endpoints controller. */
export function reconcileEndpoints(ctx: ControllerContext): Action[] {
  const actions: Action[] = []
  const services = ctx.store.list<Service>('services')
  const wanted = new Set<string>()
  const index = new Map<string, Map<string, Pod[]>>()
  const upToDate = memoOf(ctx)
  for (const svc of services) {
    if (!svc.spec.selector || Object.keys(svc.spec.selector).length === 0) continue
    const ns = svc.metadata.namespace as string
    wanted.add(`${ns}/${svc.metadata.name}`)
    const pods = candidates(ctx, index, ns, svc.spec.selector)
    const current = ctx.store.find<Endpoints>('endpoints', ns, svc.metadata.name as string)
    // Nothing this service's Endpoints depend on changed since a pass found them up to date.
    const inputs = current ? inputsKey(svc, current, pods) : ''
    if (current && upToDate.get(`${ns}/${svc.metadata.name}`) === inputs) continue
    const subsets = computeSubsets(svc, pods)
    const desired = desiredEndpoints(svc, subsets, ctx.now)
    if (!current) {
      actions.push({type: 'create', object: desired})
    } else if (!jsonEqual(current.subsets ?? [], subsets) || !jsonEqual(current.metadata.labels ?? {}, desired.metadata.labels ?? {})) {
      const next = clone(current)
      next.metadata.labels = desired.metadata.labels
      if (!next.metadata.labels) delete next.metadata.labels
      next.metadata.annotations = {...(next.metadata.annotations ?? {}), [TRIGGER_TIME_ANNOTATION]: rfc3339(ctx.now)}
      if (subsets.length) next.subsets = subsets
      else delete next.subsets
      actions.push({type: 'update', object: next})
    } else {
      upToDate.set(`${ns}/${svc.metadata.name}`, inputs)
    }
  }
  // Endpoints the controller made for a service that is gone go with it.
  for (const ep of ctx.store.list<Endpoints>('endpoints')) {
    const key = `${ep.metadata.namespace}/${ep.metadata.name}`
    if (!wanted.has(key) && ep.metadata.annotations?.[TRIGGER_TIME_ANNOTATION] !== undefined) actions.push({type: 'delete', object: ep})
  }
  return actions
}

/**
 * Returns the namespace's pods that carry the selector's rarest label pair, in store order (a superset
 * of the selected pods, which computeSubsets then filters): with an index of pods by label pair built
 * once per pass, S services over P pods cost O(P + matches) rather than O(S × P).
 */
function candidates(ctx: ControllerContext, index: Map<string, Map<string, Pod[]>>, ns: string, selector: Record<string, string>): Pod[] {
  let byLabel = index.get(ns)
  if (!byLabel) {
    byLabel = new Map()
    for (const pod of ctx.store.list<Pod>('pods', ns)) {
      for (const [k, v] of Object.entries(pod.metadata.labels ?? {})) {
        const pair = `${k}=${v}`
        const list = byLabel.get(pair)
        if (list) list.push(pod)
        else byLabel.set(pair, [pod])
      }
    }
    index.set(ns, byLabel)
  }
  let best: Pod[] | undefined
  for (const [k, v] of Object.entries(selector)) {
    const list = byLabel.get(`${k}=${v}`) ?? []
    if (!best || list.length < best.length) best = list
  }
  return best ?? []
}

// Per store: "namespace/name" of a service → the inputs under which its Endpoints were found up to
// date. Every write gives an object a new resourceVersion, so equal keys mean unchanged inputs and the
// controller can skip the service: a settle after one pod changed costs O(services), not O(pods × …).
const memos = new WeakMap<object, Map<string, string>>()

function memoOf(ctx: ControllerContext): Map<string, string> {
  let memo = memos.get(ctx.store)
  if (!memo) memos.set(ctx.store, (memo = new Map()))
  return memo
}

function inputsKey(svc: Service, ep: Endpoints, pods: Pod[]): string {
  let key = `${svc.metadata.uid}@${svc.metadata.resourceVersion}|${ep.metadata.resourceVersion}`
  for (const p of pods) key += `|${p.metadata.uid}@${p.metadata.resourceVersion}`
  return key
}
