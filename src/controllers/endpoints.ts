// The endpoints controller (v1.32): for every Service with a selector it keeps an Endpoints object of
// the same name listing the selected pods (packing: endpoints-subsets.ts), and removes the Endpoints it
// made for a Service that is gone or lost its selector. Like the real controller it works from watches:
// each Service's endpoints are kept current pod by pod (endpoints-model.ts), a pod change reaches only the
// Services whose selector names one of its labels, and a Service is synced again only when its pods, the
// Service or its Endpoints changed — so a kubelet step costs O(that pod's Services), not O(cluster).

import type {Endpoints, EndpointSubset, KubeObject, Pod, Service} from '../api/types.js'
import {objectKey, type ObjectStore} from '../store/store.js'
import {rfc3339} from '../util/clock.js'
import {jsonEqual, type Action, type ControllerContext} from './context.js'
import {ServiceEndpoints} from './endpoints-model.js'
import {keepJournal, takeJournal, watch, type WatchEvent} from './watch.js'
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
    const svc = state.selected.get(key)
    if (!svc) {
      state.services.forget(key)
      continue
    }
    const ns = svc.metadata.namespace as string
    const subsets = modelOf(ctx.store, state, key, svc).subsets()
    const current = ctx.store.find<Endpoints>('endpoints', ns, svc.metadata.name as string)
    const labels = desiredLabels(svc)
    if (!current) {
      actions.push({type: 'create', object: desiredEndpoints(svc, subsets, ctx.now)})
    } else if (!jsonEqual(current.subsets ?? [], subsets) || !jsonEqual(current.metadata.labels ?? {}, labels ?? {})) {
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
    const ep = ctx.store.findByKey<Endpoints>('endpoints', key)
    if (ep && !state.selected.has(key) && ep.metadata.annotations?.[TRIGGER_TIME_ANNOTATION] !== undefined) actions.push({type: 'delete', object: ep})
    else state.orphans.forget(key)
  }
  return actions
}

/** What the controller watches. */
const INPUTS = ['pods', 'services', 'endpoints']

/**
 * Makes the store keep a journal of writes to the controller's inputs from now on, so that the
 * controller's first run in this process needs to look only at what changed (see stateOf).
 */
export function journalEndpointsInputs(store: ObjectStore): void {
  keepJournal(store, INPUTS)
}

/** The controller's informer state for one store. */
interface EndpointsState {
  /** Service key → the Service, for every Service with a selector. */
  selected: Map<string, Service>
  /** Namespace → "label=value" → the Services whose selector has that pair. */
  selectors: Map<string, Map<string, Set<string>>>
  /** Service key → its endpoints, built when the Service is first synced and then kept pod by pod. */
  models: Map<string, ServiceEndpoints>
  /** Namespace → "label=value" → the keys of the pods with that label (built on first need, then kept). */
  podsByPair?: Map<string, Map<string, Set<string>>>
  /** Services to sync. */
  services: WorkQueue
  /** Endpoints that may have lost their Service. */
  orphans: WorkQueue
}

const states = new WeakMap<object, EndpointsState>()

/**
 * Returns the controller's state for a store, created on its first run. A store that kept a journal since
 * it was loaded (journalEndpointsInputs) holds a settled cluster plus the writes in the journal — every
 * saved cluster is settled — so only the Services those writes touch are queued, and no Service's
 * endpoints are computed until it is synced: a command that creates pods no Service selects never reads
 * a Service's pods. Without a journal it is a full resync: every Service and Endpoints is looked at.
 */
function stateOf(store: ObjectStore): EndpointsState {
  return perStore(states, store, () => {
    const state: EndpointsState = {selected: new Map(), selectors: new Map(), models: new Map(), services: new WorkQueue(), orphans: new WorkQueue()}
    const journal = takeJournal(store)
    for (const svc of store.list<Service>('services')) track(state, objectKey(svc.metadata.namespace, svc.metadata.name as string), svc, !journal)
    if (!journal) for (const ep of store.list('endpoints')) state.orphans.add(objectKey(ep.metadata.namespace, ep.metadata.name as string))
    const handle = (event: WatchEvent) => {
      if (event.resource === 'services') {
        untrack(state, event.key)
        track(state, event.key, event.next as Service | undefined, true)
        state.orphans.add(event.key)
      } else if (event.resource === 'endpoints') {
        if (state.selected.has(event.key)) state.services.add(event.key)
        state.orphans.add(event.key)
      } else {
        podChanged(state, event)
      }
    }
    for (const event of journal ?? []) handle(event)
    watch(store, INPUTS, handle)
    return state
  })
}

/** Follows a pod's write: the index of pods by label, and the endpoints of the Services that select it. */
function podChanged(state: EndpointsState, {key, prev, next}: WatchEvent): void {
  const ns = (next ?? prev)?.metadata.namespace ?? ''
  const byLabel = state.podsByPair?.get(ns)
  if (byLabel && !jsonEqual(prev?.metadata.labels ?? {}, next?.metadata.labels ?? {})) {
    for (const [k, v] of Object.entries(prev?.metadata.labels ?? {})) byLabel.get(`${k}=${v}`)?.delete(key)
    if (next) indexPod(byLabel, key, next.metadata.labels)
  }
  const byPair = state.selectors.get(ns)
  if (!byPair) return
  for (const svcKey of servicesFor(byPair, prev, next)) {
    const model = state.models.get(svcKey)
    // A Service without a model yet gets one from the current pods when it is synced.
    if (!model || model.update(key, next as Pod | undefined)) state.services.add(svcKey)
  }
}

/** Starts following a Service with a selector (queued when `queue`). */
function track(state: EndpointsState, key: string, svc: Service | undefined, queue: boolean): void {
  const selector = svc?.spec.selector
  if (!svc || !selector || Object.keys(selector).length === 0) return
  const ns = svc.metadata.namespace as string
  state.selected.set(key, svc)
  let byPair = state.selectors.get(ns)
  if (!byPair) state.selectors.set(ns, (byPair = new Map()))
  for (const [k, v] of Object.entries(selector)) {
    const pair = `${k}=${v}`
    const set = byPair.get(pair)
    if (set) set.add(key)
    else byPair.set(pair, new Set([key]))
  }
  if (queue) state.services.add(key)
}

function untrack(state: EndpointsState, key: string): void {
  const svc = state.selected.get(key)
  if (!svc) return
  state.selected.delete(key)
  state.models.delete(key)
  const byPair = state.selectors.get(svc.metadata.namespace as string)
  for (const [k, v] of Object.entries(svc.spec.selector ?? {})) byPair?.get(`${k}=${v}`)?.delete(key)
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

/** Returns a Service's endpoints model, building it from the current pods the first time. */
function modelOf(store: ObjectStore, state: EndpointsState, key: string, svc: Service): ServiceEndpoints {
  let model = state.models.get(key)
  if (!model) {
    model = new ServiceEndpoints(svc, candidates(store, state, svc.metadata.namespace as string, svc.spec.selector ?? {}))
    state.models.set(key, model)
  }
  return model
}

/**
 * Returns the namespace's pods that carry the selector's rarest label pair, in store order (a superset
 * of the selected pods): with an index of pods by label pair, built once and then kept by the pod watch,
 * S services over P pods cost O(P + matches) rather than O(S × P).
 */
function candidates(store: ObjectStore, state: EndpointsState, ns: string, selector: Record<string, string>): Pod[] {
  state.podsByPair ??= new Map()
  let byLabel = state.podsByPair.get(ns)
  if (!byLabel) {
    byLabel = new Map()
    for (const key of store.keys('pods', ns)) {
      // A pod the state file has a digest of is indexed by the digest's labels, unread (src/store/pod-digest.ts).
      const labels = store.podDigest(key)?.labels ?? store.findByKey('pods', key)?.metadata.labels
      indexPod(byLabel, key, labels)
    }
    state.podsByPair.set(ns, byLabel)
  }
  let best: Set<string> | undefined
  for (const [k, v] of Object.entries(selector)) {
    const keys = byLabel.get(`${k}=${v}`)
    if (!keys) return []
    if (!best || keys.size < best.size) best = keys
  }
  const pods: Pod[] = []
  for (const key of [...(best ?? [])].sort()) {
    const pod = store.findByKey<Pod>('pods', key)
    if (pod) pods.push(pod)
  }
  return pods
}

function indexPod(byLabel: Map<string, Set<string>>, key: string, labels: Record<string, string> | undefined): void {
  for (const [k, v] of Object.entries(labels ?? {})) {
    const pair = `${k}=${v}`
    const keys = byLabel.get(pair)
    if (keys) keys.add(key)
    else byLabel.set(pair, new Set([key]))
  }
}
