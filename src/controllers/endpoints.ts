// The endpoints controller (v1.32): for every Service with a selector it keeps an Endpoints object of
// the same name listing the selected pods (packing: endpoints-subsets.ts), and removes the Endpoints it
// made for a Service that is gone or lost its selector. Like the real controller it works from watches:
// each Service's endpoints are kept current pod by pod (endpoints-model.ts), a pod change reaches only the
// Services whose selector names one of its labels, and a Service is synced again only when its pods, the
// Service or its Endpoints changed — so a kubelet step costs O(that pod's Services), not O(cluster).

import type {Endpoints, EndpointSubset, KubeObject, Pod, Service} from '../api/types.js'
import {objectKey, type ObjectStore} from '../store/store.js'
import {rfc3339} from '../util/clock.js'
import {jsonEqual, sameJson, type Action, type ControllerContext} from './context.js'
import {ServiceEndpoints} from './endpoints-model.js'
import {watch} from './watch.js'
import {perStore, WorkQueue} from './work-queue.js'

export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time'

function desiredEndpoints(svc: Service, subsets: EndpointSubset[], at: Date): Endpoints {
  const ep: Endpoints = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {name: svc.metadata.name, namespace: svc.metadata.namespace, annotations: {[TRIGGER_TIME_ANNOTATION]: rfc3339(at)}},
  }
  const labels = desiredLabels(svc)
  if (labels) ep.metadata.labels = labels
  if (subsets.length) ep.subsets = subsets
  return ep
}

/** The Endpoints' labels: the Service's, plus the headless marker. */
function desiredLabels(svc: Service): Record<string, string> | undefined {
  const labels = {...(svc.metadata.labels ?? {})}
  if (svc.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = ''
  return Object.keys(labels).length ? labels : undefined
}

/** The endpoints controller. */
export function reconcileEndpoints(ctx: ControllerContext): Action[] {
  const state = stateOf(ctx.store)
  if (state.services.size === 0 && state.orphans.size === 0) return []
  const actions: Action[] = []
  for (const key of state.services.pending()) {
    const model = state.models.get(key)
    const svc = model?.svc
    if (!model || !svc) {
      state.services.forget(key)
      continue
    }
    const ns = svc.metadata.namespace as string
    const subsets = model.subsets()
    const current = ctx.store.find<Endpoints>('endpoints', ns, svc.metadata.name as string)
    const labels = desiredLabels(svc)
    if (!current) {
      actions.push({type: 'create', object: desiredEndpoints(svc, subsets, ctx.now)})
    } else if (!sameJson(current.subsets ?? [], subsets) || !jsonEqual(current.metadata.labels ?? {}, labels ?? {})) {
      // A shallow copy: the subsets are new values, and nothing edits a stored object in place.
      const next: Endpoints = {...current, metadata: {...current.metadata}}
      next.metadata.labels = labels
      if (!next.metadata.labels) delete next.metadata.labels
      next.metadata.annotations = {...(next.metadata.annotations ?? {}), [TRIGGER_TIME_ANNOTATION]: rfc3339(ctx.now)}
      if (subsets.length) next.subsets = subsets
      else delete next.subsets
      actions.push({type: 'update', object: next})
    } else {
      state.services.forget(key)
    }
  }
  // Endpoints the controller made for a service that is gone (or has no selector) go with it.
  for (const key of state.orphans.pending()) {
    const slash = key.indexOf('/')
    const ep = ctx.store.find<Endpoints>('endpoints', key.slice(0, slash), key.slice(slash + 1))
    if (ep && !state.models.has(key) && ep.metadata.annotations?.[TRIGGER_TIME_ANNOTATION] !== undefined) actions.push({type: 'delete', object: ep})
    else state.orphans.forget(key)
  }
  return actions
}

/** The controller's informer state for one store. */
interface EndpointsState {
  /** Service key → its endpoints, for every Service with a selector. */
  models: Map<string, ServiceEndpoints>
  /** Namespace → "label=value" → the Services whose selector has that pair. */
  selectors: Map<string, Map<string, Set<string>>>
  /** Services to sync. */
  services: WorkQueue
  /** Endpoints that may have lost their Service. */
  orphans: WorkQueue
}

const states = new WeakMap<object, EndpointsState>()

function stateOf(store: ObjectStore): EndpointsState {
  return perStore(states, store, () => {
    const state: EndpointsState = {models: new Map(), selectors: new Map(), services: new WorkQueue(), orphans: new WorkQueue()}
    // A full resync first: every Service's endpoints from its namespace's pods (indexed once by label).
    const podsByLabel = new Map<string, Map<string, Pod[]>>()
    for (const svc of store.list<Service>('services')) {
      const key = objectKey(svc.metadata.namespace, svc.metadata.name as string)
      track(state, key, svc, (ns, selector) => candidates(store, podsByLabel, ns, selector))
    }
    for (const ep of store.list('endpoints')) state.orphans.add(objectKey(ep.metadata.namespace, ep.metadata.name as string))
    watch(store, ['services'], ({key, next}) => {
      untrack(state, key)
      track(state, key, next as Service | undefined, (ns) => store.list<Pod>('pods', ns))
      state.orphans.add(key)
    })
    watch(store, ['endpoints'], ({key}) => {
      if (state.models.has(key)) state.services.add(key)
      state.orphans.add(key)
    })
    watch(store, ['pods'], ({key, prev, next}) => {
      const byPair = state.selectors.get((next ?? prev)?.metadata.namespace ?? '')
      if (!byPair) return
      for (const svcKey of servicesFor(byPair, prev, next)) {
        if (state.models.get(svcKey)?.update(key, next as Pod | undefined)) state.services.add(svcKey)
      }
    })
    return state
  })
}

/** Starts keeping the endpoints of a Service with a selector; `pods` returns a superset of the pods it selects. */
function track(state: EndpointsState, key: string, svc: Service | undefined, pods: (namespace: string, selector: Record<string, string>) => Pod[]): void {
  const selector = svc?.spec.selector
  if (!svc || !selector || Object.keys(selector).length === 0) return
  const ns = svc.metadata.namespace as string
  state.models.set(key, new ServiceEndpoints(svc, pods(ns, selector)))
  let byPair = state.selectors.get(ns)
  if (!byPair) state.selectors.set(ns, (byPair = new Map()))
  for (const [k, v] of Object.entries(selector)) {
    const pair = `${k}=${v}`
    const set = byPair.get(pair)
    if (set) set.add(key)
    else byPair.set(pair, new Set([key]))
  }
  state.services.add(key)
}

function untrack(state: EndpointsState, key: string): void {
  const model = state.models.get(key)
  if (!model) return
  state.models.delete(key)
  const byPair = state.selectors.get(model.svc.metadata.namespace as string)
  for (const [k, v] of Object.entries(model.svc.spec.selector ?? {})) byPair?.get(`${k}=${v}`)?.delete(key)
}

/** Returns the Services whose selector has one of the pod's label pairs, before or after the change. */
function servicesFor(byPair: Map<string, Set<string>>, prev: KubeObject | undefined, next: KubeObject | undefined): Set<string> {
  const found = new Set<string>()
  for (const pod of [prev, next]) {
    for (const [k, v] of Object.entries(pod?.metadata.labels ?? {})) {
      for (const svcKey of byPair.get(`${k}=${v}`) ?? []) found.add(svcKey)
    }
  }
  return found
}

/**
 * Returns the namespace's pods that carry the selector's rarest label pair, in store order (a superset
 * of the selected pods): with an index of pods by label pair built once for the resync, S services over
 * P pods cost O(P + matches) rather than O(S × P).
 */
function candidates(store: ObjectStore, index: Map<string, Map<string, Pod[]>>, ns: string, selector: Record<string, string>): Pod[] {
  let byLabel = index.get(ns)
  if (!byLabel) {
    byLabel = new Map()
    for (const pod of store.list<Pod>('pods', ns)) {
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
