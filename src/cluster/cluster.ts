// The Cluster facade: one simulated single-node cluster as a value. It wires the object store, the
// admission chain, the controllers and the kubelet's timeline to the injected clock instant and the
// seeded random source. `advanceTo(t)` fires every planned kubelet step up to t in time order, and wakes
// the controllers whenever a client held back by its request budget may go on (client-rate-limit.ts),
// letting them settle after each, so the state at t does not depend on how often kbe was invoked in
// between. The components' event recorders run client-go's correlator (event-correlator.ts). The verbs
// (create, delete, scale, update) are what the apiserver offers the commands.

import type {KubeObject, Namespace, Pod} from '../api/types.js'
import {resourceForKind, type ResourceInfo} from '../api/registry.js'
import {ObjectStore} from '../store/store.js'
import {Sfc32, seedState} from '../util/random.js'
import {rfc3339} from '../util/clock.js'
import type {Action, ControllerContext} from '../controllers/context.js'
import {prepareControllers, runControllers} from '../controllers/runner.js'
import {planTermination, runKubeletStep, type KubeletView} from '../controllers/pod-lifecycle.js'
import {deleteNamespace} from '../controllers/namespace.js'
import {EventKeys, earliestEventTime, expireEvents, recordEvent, EVENT_TTL_MS} from './events.js'
import {EventCorrelator} from './event-correlator.js'
import {admit} from './admission.js'
import {AdmissionMemo} from './admission-memo.js'
import {COREDNS_IMAGE, NODE_NAME, bootstrapObjects, corednsReplicaSet, nodeObject} from './bootstrap.js'
import {STATE_KIND, STATE_VERSION, isDecoded, type ClusterState, type PodStep} from './state.js'
import {StepQueue} from './step-queue.js'
import {PodAddressPool} from './pod-ips.js'
import {ClientRateLimits} from './client-rate-limit.js'

/** How long a fresh cluster has been up when the learner first sees it. */
export const BOOTSTRAP_LEAD_MS = 60_000

export class Cluster {
  readonly store: ObjectStore
  readonly random: Sfc32
  private readonly rv: {value: number}
  /** While advancing: the kubelet's queue of due steps and the pod addresses in use. */
  private steps?: StepQueue
  private podAddresses?: PodAddressPool
  /** The controllers' API request budgets (kept in the state). */
  private readonly clients: ClientRateLimits

  constructor(readonly state: ClusterState) {
    this.random = new Sfc32(state.random)
    this.clients = new ClientRateLimits(state, () => this.state.time)
    this.rv = {value: state.resourceVersion}
    this.store = new ObjectStore(state.objects, this.rv, {now: () => this.now(), random: this.random})
    prepareControllers(this.store)
  }

  /** Returns a fresh cluster that came up BOOTSTRAP_LEAD_MS before `now`, advanced to `now`. */
  static bootstrap(now: Date, seed: number): Cluster {
    const state: ClusterState = {
      kind: STATE_KIND, version: STATE_VERSION, seed, random: seedState(seed),
      time: now.getTime() - BOOTSTRAP_LEAD_MS, resourceVersion: 0, eventSequence: 0, objects: {}, runtime: {}, images: {},
    }
    // minikube ships with its system images preloaded, so CoreDNS starts without a pull.
    state.images[COREDNS_IMAGE] = state.time
    const cluster = new Cluster(state)
    const hex = (bytes: number) => Array.from({length: bytes}, () => cluster.random.int(256).toString(16).padStart(2, '0')).join('')
    for (const obj of bootstrapObjects()) {
      const created = cluster.store.create(obj)
      if (created.kind === 'Deployment') cluster.store.create(corednsReplicaSet(created))
    }
    cluster.store.create(nodeObject(rfc3339(cluster.now()), hex))
    cluster.settle()
    cluster.advanceTo(now)
    return cluster
  }

  /** Returns a number that changes whenever any object changes (the store's resourceVersion). */
  revision(): number {
    return this.rv.value
  }

  /** Returns the model's current instant. */
  now(): Date {
    return new Date(this.state.time)
  }

  /** Returns the state to persist (the random generator's position included). */
  snapshot(): ClusterState {
    this.state.random = this.random.state()
    this.state.resourceVersion = this.rv.value
    if (this.correlator) {
      const caches = this.correlator.toJSON(this.state.time, EVENT_TTL_MS)
      if (caches) this.state.eventCorrelator = caches
      else delete this.state.eventCorrelator
    }
    // Undecoded events are the loaded ones plus new ones recorded now: the first to expire is unchanged.
    if (isDecoded(this.state.objects, 'events')) {
      this.state.eventsExpireFrom = earliestEventTime(this.store)
      this.state.eventKeys = EventKeys.of(this.store).toJSON()
    } else if (this.eventKeys) {
      this.state.eventKeys = this.eventKeys.toJSON()
    }
    return this.state
  }

  /**
   * Moves the model to `target`, firing every kubelet step due by then in time order, and waking the
   * controllers whenever a throttled client's next batch of requests is ready (client-rate-limit.ts).
   * Never goes back.
   */
  advanceTo(target: Date): void {
    const end = target.getTime()
    this.steps = new StepQueue(this.state.runtime)
    try {
      for (;;) {
        const due = this.steps.nextDue(end)
        const wake = this.clients.nextWake()
        if (wake !== undefined && wake <= end && (!due || wake <= due.step.at)) {
          if (wake > this.state.time) this.state.time = wake
          this.clients.clearWakes(this.state.time)
          this.settle()
          continue
        }
        if (!due) break
        if (due.step.at > this.state.time) this.state.time = due.step.at
        // A step that only recorded events changes nothing a controller reads (unless a namespace is
        // being emptied: its new events are content to delete), so the cluster is still settled.
        if (this.runStep(due.uid, due.step) || this.namespaceTerminating()) this.settle()
      }
    } finally {
      this.steps = undefined
      this.podAddresses = undefined
    }
    // A saved cluster is always settled and only kubelet steps and throttled clients' batches change it as
    // time passes, so the controllers have nothing to do here unless one fired above (and then they ran).
    if (end > this.state.time) this.state.time = end
    // Only a cluster with an event old enough to go needs its (possibly many) events read.
    const expireFrom = this.state.eventsExpireFrom
    if (isDecoded(this.state.objects, 'events') || expireFrom === undefined || (expireFrom !== null && expireFrom < end - EVENT_TTL_MS)) {
      expireEvents(this.store, this.now())
    }
  }

  private namespaceTerminating(): boolean {
    return this.store.list('namespaces').some((ns) => ns.metadata.deletionTimestamp)
  }

  /** Runs one kubelet step; returns whether it changed anything besides events. */
  private runStep(uid: string, step: PodStep): boolean {
    const rt = this.state.runtime[uid]
    rt.steps.shift()
    const pod = this.store.find<Pod>('pods', rt.namespace, rt.name)
    if (!pod || pod.metadata.uid !== uid) {
      delete this.state.runtime[uid]
      this.podAddresses?.release(rt.ip)
      return false
    }
    if (step.step === 'remove') {
      this.store.remove(pod)
      delete this.state.runtime[uid]
      this.podAddresses?.release(rt.ip)
      if (pod.status?.podIP !== rt.ip) this.podAddresses?.release(pod.status?.podIP)
      return true
    }
    const node = this.store.find('nodes', undefined, NODE_NAME)
    if (!node) return false
    this.podAddresses ??= new PodAddressPool(this.podIPsInUse())
    const pool = this.podAddresses
    const view: KubeletView = {...this.controllerContext(), node: node as KubeletView['node'], images: this.state.images, podIPsInUse: pool.inUse, allocatePodIP: () => pool.allocate()}
    const actions = runKubeletStep(pod, rt, step, view)
    this.apply(actions)
    rt.steps.sort((a, b) => a.at - b.at)
    this.steps?.touch(uid)
    return actions.some((a) => a.type !== 'event')
  }

  /** Returns the pod IPs held by pods that still exist (terminating ones included). */
  podIPsInUse(): Set<string> {
    const ips = new Set<string>()
    for (const rt of Object.values(this.state.runtime)) if (rt.ip) ips.add(rt.ip)
    for (const key of this.store.keys('pods')) {
      // A pod the state file has a digest of is not read for its IP (src/store/pod-digest.ts).
      const ip = this.store.podDigest(key)?.podIP ?? this.store.findByKey<Pod>('pods', key)?.status?.podIP
      if (ip) ips.add(ip)
    }
    return ips
  }

  /** What the controllers see now. */
  controllerContext(): ControllerContext {
    return {store: this.store, now: this.now(), random: this.random, nodeName: NODE_NAME, clients: this.clients}
  }

  private batching = 0

  /**
   * Runs `fn` with the controllers held back until it is done, then lets them settle once: a command that
   * deletes many objects costs one controller run, not one per object (as if its requests came at once).
   */
  batch<T>(fn: () => T): T {
    this.batching++
    try {
      return fn()
    } finally {
      this.batching--
      if (this.batching === 0) this.settle()
    }
  }

  /** Runs the controllers until none has anything left to do (deferred inside `batch`). */
  settle(): void {
    if (this.batching) return
    runControllers(() => this.controllerContext(), (actions) => this.apply(actions))
  }

  private apply(actions: Action[]): void {
    for (const action of actions) {
      switch (action.type) {
        case 'create': {
          const created = this.admitAndCreate(action.object)
          if (action.createdEvent) this.record(action.createdEvent(created.metadata.name as string))
          break
        }
        case 'update':
          this.store.update(action.object)
          break
        case 'delete':
          this.deleteObject(action.object)
          break
        case 'event':
          this.record(action.event)
          break
        case 'runtime':
          this.state.runtime[action.uid] = action.runtime
          this.steps?.touch(action.uid)
          break
      }
    }
  }

  /** The stored events' keys, when the state carries them (see EventKeys); read on the first event. */
  private eventKeys?: EventKeys

  /** The components' event recorders' caches (aggregation, spam filter), read on the first event. */
  private correlator?: EventCorrelator

  private record(event: Parameters<typeof recordEvent>[1]): void {
    this.state.eventSequence += 1
    if (!this.eventKeys && this.state.eventKeys) this.eventKeys = new EventKeys(this.state.eventKeys)
    this.correlator ??= new EventCorrelator(this.state.eventCorrelator)
    recordEvent(this.store, event, this.now(), this.state.eventSequence, this.eventKeys, this.correlator)
    if (this.state.eventsExpireFrom === null) this.state.eventsExpireFrom = this.now().getTime()
  }

  /** Pods the controllers create from one template are admitted in full once (admission-memo.ts). */
  private readonly admissionMemo = new AdmissionMemo()

  private admitAndCreate(obj: KubeObject, fromUser = false): KubeObject {
    if (resourceForKind(obj.apiVersion, obj.kind)) this.store.assignGeneratedName(obj)
    const ctx = {random: this.random, store: this.store, serviceIPsInUse: () => this.serviceIPsInUse()}
    const fromTemplate = !fromUser && obj.kind === 'Pod' && obj.apiVersion === 'v1'
    const admitted = fromTemplate ? this.admissionMemo.admitPod(obj as Pod, ctx) : admit(obj, ctx, fromUser)
    return this.store.create(admitted)
  }

  /** Returns the service VIPs in use. */
  serviceIPsInUse(): Set<string> {
    const ips = new Set<string>()
    for (const svc of this.store.list('services')) {
      for (const ip of ((svc.spec as {clusterIPs?: string[]}).clusterIPs ?? [])) ips.add(ip)
    }
    return ips
  }

  /** Creates an object as the apiserver would (admission, validation, defaults), then lets controllers react. */
  create(obj: KubeObject): KubeObject {
    const created = this.admitAndCreate(obj, true)
    this.settle()
    return created
  }

  /** Replaces an object (spec changes bump metadata.generation), then lets controllers react. */
  update(obj: KubeObject, specChanged: boolean): KubeObject {
    if (specChanged && obj.metadata.generation !== undefined) obj.metadata.generation += 1
    const updated = this.store.update(obj)
    this.settle()
    return updated
  }

  /** Deletes an object: pods gracefully through the kubelet (unless `immediate`), everything else at once. */
  delete(obj: KubeObject, immediate = false): void {
    this.deleteObject(obj, immediate)
    this.settle()
  }

  private deleteObject(obj: KubeObject, immediate = false): void {
    const current = this.store.find(this.infoOf(obj).resource, obj.metadata.namespace, obj.metadata.name as string)
    if (current?.kind === 'Namespace') return deleteNamespace(this.store, current as Namespace, this.now())
    if (!current || current.metadata.deletionTimestamp) return
    if (current.kind !== 'Pod') {
      this.store.remove(current)
      return
    }
    const pod = current as Pod
    const uid = pod.metadata.uid as string
    const grace = pod.spec.terminationGracePeriodSeconds ?? 30
    const rt = this.state.runtime[uid] ?? {namespace: pod.metadata.namespace as string, name: pod.metadata.name as string, steps: []}
    this.state.runtime[uid] = rt
    if (!pod.spec.nodeName || immediate) {
      this.store.remove(pod)
      delete this.state.runtime[uid]
      return
    }
    pod.metadata.deletionTimestamp = rfc3339(this.now().getTime() + grace * 1000)
    pod.metadata.deletionGracePeriodSeconds = grace
    this.store.update(pod)
    planTermination(rt, this.now().getTime(), this.random, true)
    this.steps?.touch(uid)
  }

  private infoOf(obj: KubeObject): ResourceInfo {
    const info = resourceForKind(obj.apiVersion, obj.kind)
    if (!info) throw new Error(`kbe: no resource for ${obj.apiVersion} ${obj.kind}`)
    return info
  }
}
