// The controllers work incrementally (watches, work queues, running counts, endpoints kept pod by pod);
// these tests hold them to what recomputing everything from scratch gives. A random sequence of creates,
// scales, relabels, template changes, deletes, node label changes and clock moves is applied to two
// clusters with the same seed: one runs the controllers as kbe does, the other drops every controller
// cache before every controller run (a full resync each time, as the controllers worked before they kept
// caches), and is now and then saved and loaded through the state file as a new kbe process would (its
// objects then read one by one when first used, its controllers starting from the pods' digests). Both must end every step byte-identical (objects, resourceVersions, events, random draws, pod
// IPs); and after every step fresh controllers on a copy of the state must have nothing to do, while the
// stored Endpoints and replica counts must equal the from-scratch reference functions.
import assert from 'node:assert/strict'
import {StatusError} from '../../src/api/errors.js'
import type {Endpoints, KubeObject, Pod, ReplicationController, Service} from '../../src/api/types.js'
import {Cluster} from '../../src/cluster/cluster.js'
import {NODE_NAME} from '../../src/cluster/bootstrap.js'
import {CONTROLLERS, RESYNC_EVERY_RUN} from '../../src/controllers/runner.js'
import {computeSubsets} from '../../src/controllers/endpoints-subsets.js'
import {dropCaches} from '../../src/controllers/work-queue.js'
import {controllerOf, replicationStatus} from '../../src/controllers/replication.js'
import {decodeState, encodeState} from '../../src/io/state-sections.js'
import type {ClusterState} from '../../src/cluster/state.js'
import {marshalCompact} from '../../src/printers/json.js'

const T0 = new Date('2026-11-25T16:30:00Z')
const APPS = ['web', 'api', 'db']
const IMAGES = ['nginx', 'mhausenblas/simpleservice:0.5.0', 'busybox:1.36']

/** mulberry32: a small seeded generator for the operation sequence. */
function generator(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Op = {what: string; run: (c: Cluster) => void}

class Scenario {
  private readonly rnd: () => number
  private serial = 0
  private time = T0.getTime()

  constructor(seed: number) {
    this.rnd = generator(seed)
  }

  private int(n: number): number {
    return Math.floor(this.rnd() * n)
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]
  }

  private name(prefix: string): string {
    this.serial += 1
    return `${prefix}${this.serial}`
  }

  private namespace(c: Cluster): string {
    const team = c.store.find('namespaces', undefined, 'team')
    return team && !team.metadata.deletionTimestamp && this.int(3) === 0 ? 'team' : 'default'
  }

  private podSpec(): Record<string, unknown> {
    const containers = [{name: 'c', image: this.pick(IMAGES), ports: this.int(2) ? [{name: 'http', containerPort: 8080}] : [{containerPort: 9876}]}]
    if (this.int(4) === 0) containers.push({name: 'side', image: this.pick(IMAGES), ports: [{name: 'metrics', containerPort: 9090}]})
    return {containers, ...(this.int(8) === 0 ? {nodeSelector: {disk: 'ssd'}} : {})}
  }

  private labels(app: string): Record<string, string> {
    return this.int(3) === 0 ? {app, tier: this.pick(['a', 'b'])} : {app}
  }

  /** Returns a random object of one of the resources (as one cluster holds it). */
  private existing(c: Cluster, resources: string[]): KubeObject | undefined {
    const all = resources.flatMap((r) => c.store.list(r).filter((o) => o.metadata.namespace !== 'kube-system' && o.metadata.name !== 'kubernetes'))
    return all.length ? this.pick(all) : undefined
  }

  /** Returns the next operation, chosen against cluster `c` (both clusters hold the same state). */
  next(c: Cluster): Op {
    const roll = this.int(20)
    const ns = this.namespace(c)
    const app = this.pick(APPS)
    if (roll < 2) {
      const obj = {apiVersion: 'v1', kind: 'ReplicationController', metadata: {name: this.name('rc'), namespace: ns},
        spec: {replicas: this.int(5), selector: {app}, template: {metadata: {labels: this.labels(app)}, spec: this.podSpec()}}}
      return {what: `create rc ${obj.metadata.name}`, run: (x) => x.create(structuredClone(obj) as KubeObject)}
    }
    if (roll < 3) {
      const selector = this.int(2) ? {matchLabels: {app}} : {matchExpressions: [{key: 'app', operator: 'In', values: [app, this.pick(APPS)]}]}
      const obj = {apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: {name: this.name('rs'), namespace: ns},
        spec: {replicas: this.int(4), selector, template: {metadata: {labels: {app}}, spec: this.podSpec()}}}
      return {what: `create rs ${obj.metadata.name}`, run: (x) => x.create(structuredClone(obj) as KubeObject)}
    }
    if (roll < 5) {
      const strategy = this.int(3) === 0 ? {type: 'Recreate'} : {type: 'RollingUpdate', rollingUpdate: {maxSurge: this.pick([1, '25%', 0]), maxUnavailable: this.pick([1, '25%'])}}
      const obj = {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: this.name('d'), namespace: ns},
        spec: {replicas: this.int(4), revisionHistoryLimit: this.int(3), strategy, selector: {matchLabels: {app, role: 'd'}}, template: {metadata: {labels: {app, role: 'd'}}, spec: this.podSpec()}}}
      return {what: `create deployment ${obj.metadata.name}`, run: (x) => x.create(structuredClone(obj) as KubeObject)}
    }
    if (roll < 7) {
      const ports = this.int(2) ? [{port: 80, targetPort: this.pick([8080, 9876])}] : [{name: 'web', port: 80, targetPort: 'http'}, {name: 'm', port: 90, targetPort: 'metrics'}]
      const obj = {apiVersion: 'v1', kind: 'Service', metadata: {name: this.name('svc'), namespace: ns, labels: this.int(2) ? {team: 'x'} : undefined},
        spec: {selector: this.labels(app), ports, ...(this.int(4) === 0 ? {publishNotReadyAddresses: true} : {}), ...(this.int(5) === 0 ? {clusterIP: 'None'} : {})}}
      return {what: `create service ${obj.metadata.name}`, run: (x) => x.create(structuredClone(obj) as KubeObject)}
    }
    if (roll < 8) {
      const obj = {apiVersion: 'v1', kind: 'Pod', metadata: {name: this.name('pod'), namespace: ns, labels: this.int(4) ? this.labels(app) : undefined}, spec: this.podSpec()}
      return {what: `create pod ${obj.metadata.name}`, run: (x) => x.create(structuredClone(obj) as KubeObject)}
    }
    if (roll < 10) {
      const target = this.existing(c, ['replicationcontrollers', 'replicasets', 'deployments'])
      const replicas = this.pick([0, 1, 2, 3, 5, 8])
      return this.edit(target, `scale to ${replicas}`, (o) => {
        (o.spec as {replicas: number}).replicas = replicas
        return true
      })
    }
    if (roll < 11) {
      const target = this.existing(c, ['pods', 'services', 'replicationcontrollers'])
      const labels = this.int(3) ? this.labels(this.pick(APPS)) : {}
      return this.edit(target, `relabel ${JSON.stringify(labels)}`, (o) => {
        if (o.kind === 'Service') (o as Service).spec.selector = Object.keys(labels).length ? labels : undefined
        else o.metadata.labels = labels
        return o.kind === 'Service'
      })
    }
    if (roll < 12) {
      const target = this.existing(c, ['deployments', 'replicationcontrollers'])
      const image = this.pick(IMAGES)
      const tier = target?.kind === 'ReplicationController' && this.int(2) === 0 ? this.pick(['a', 'b', '']) : undefined
      return this.edit(target, `image ${image}${tier === undefined ? '' : `, template tier=${tier}`}`, (o) => {
        const template = (o.spec as {template: {metadata: {labels: Record<string, string>}; spec: {containers: {image: string}[]}}}).template
        template.spec.containers[0].image = image
        // The template's labels decide fullyLabeledReplicas (the selector is app only).
        if (tier === '') delete template.metadata.labels.tier
        else if (tier) template.metadata.labels.tier = tier
        return true
      })
    }
    if (roll < 14) {
      const targets = [this.existing(c, ['pods']), ...(this.int(3) === 0 ? [this.existing(c, ['pods', 'replicationcontrollers', 'replicasets', 'services', 'endpoints', 'deployments'])] : [])]
        .filter((o): o is KubeObject => o !== undefined)
      const immediate = this.int(5) === 0
      return {what: `delete ${targets.map((o) => `${o.kind}/${o.metadata.name}`).join(' ')}${immediate ? ' now' : ''}`, run: (x) => x.batch(() => {
        for (const o of targets) {
          const current = x.store.find(resourceOf(o), o.metadata.namespace, o.metadata.name as string)
          if (current) x.delete(current, immediate)
        }
      })}
    }
    if (roll < 15) {
      const exists = c.store.find('namespaces', undefined, 'team')
      if (!exists) return {what: 'create namespace team', run: (x) => x.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team'}} as KubeObject)}
      if (this.int(3) === 0) return {what: 'delete namespace team', run: (x) => x.delete(x.store.find('namespaces', undefined, 'team') as KubeObject)}
    }
    if (roll < 16) {
      const ssd = this.int(2) === 0
      return {what: `node disk=${ssd ? 'ssd' : '-'}`, run: (x) => {
        const node = structuredClone(x.store.find('nodes', undefined, NODE_NAME) as KubeObject)
        if (ssd) node.metadata.labels = {...node.metadata.labels, disk: 'ssd'}
        else delete node.metadata.labels?.disk
        x.update(node, false)
      }}
    }
    this.time += this.pick([0, 150, 400, 900, 2500, 6000, 45_000])
    const to = new Date(this.time)
    return {what: `advance to ${to.toISOString()}`, run: (x) => x.advanceTo(to)}
  }

  /** An update of a copy of `target` (looked up by name in each cluster). */
  private edit(target: KubeObject | undefined, what: string, change: (o: KubeObject) => boolean): Op {
    if (!target) return {what: 'nothing', run: () => undefined}
    return {what: `${what} ${target.kind}/${target.metadata.name}`, run: (x) => {
      const current = x.store.find(resourceOf(target), target.metadata.namespace, target.metadata.name as string)
      if (!current) return
      const copy = structuredClone(current)
      const specChanged = change(copy)
      x.update(copy, specChanged || copy.kind !== 'Pod')
    }}
  }

  advance(c: Cluster): void {
    this.time = Math.max(this.time, c.now().getTime())
  }
}

function resourceOf(o: KubeObject): string {
  return {Pod: 'pods', ReplicationController: 'replicationcontrollers', ReplicaSet: 'replicasets', Deployment: 'deployments', Service: 'services', Endpoints: 'endpoints', Namespace: 'namespaces'}[o.kind] as string
}

/** Applies an operation; returns how it ended (an apiserver refusal is an outcome too). */
function outcome(op: Op, c: Cluster): string {
  try {
    op.run(c)
    return 'ok'
  } catch (error) {
    if (error instanceof StatusError) return `${error.reason}: ${error.message}`
    throw error
  }
}

/**
 * Returns the cluster saved and loaded as between two kbe commands: through the state file's encoding, so
 * the objects come back as lazy records and the controllers start from the pods' digests.
 */
function throughStateFile(c: Cluster): Cluster {
  const file = Buffer.concat(encodeState(c.snapshot()).map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.isBuffer(chunk) ? chunk : chunk.read(0, chunk.length))))
  return new Cluster(decodeState({size: file.length, read: (at, length) => file.subarray(at, at + length)}, (detail) => new Error(detail)) as ClusterState)
}

/** The cluster's state as text that doesn't depend on the order objects list their keys in (a loaded object's are sorted). */
function canonical(c: Cluster): string {
  return marshalCompact(c.snapshot())
}

/** Fresh controllers (a new store over a copy of the state) must find nothing to do. */
function assertFixedPoint(c: Cluster, what: string): void {
  const copy = new Cluster(structuredClone(c.snapshot()))
  // A full resync: the copy's controllers look at everything, not only at what was written since its load.
  dropCaches(copy.store)
  const ctx = copy.controllerContext()
  for (const controller of CONTROLLERS) {
    const actions = controller.run(ctx)
    assert.deepEqual(actions.map((a) => a.type), [], `${controller.name} still has work after ${what}`)
  }
}

/** The stored Endpoints and replica counts equal the from-scratch reference computations. */
function assertReferences(c: Cluster, what: string): void {
  for (const svc of c.store.list<Service>('services')) {
    if (!svc.spec.selector || Object.keys(svc.spec.selector).length === 0) continue
    const ep = c.store.find<Endpoints>('endpoints', svc.metadata.namespace, svc.metadata.name as string)
    const want = computeSubsets(svc, c.store.list<Pod>('pods', svc.metadata.namespace))
    assert.equal(marshalCompact(ep?.subsets ?? []), marshalCompact(want), `endpoints of ${svc.metadata.name} after ${what}`)
  }
  for (const resource of ['replicationcontrollers', 'replicasets']) {
    for (const owner of c.store.list<ReplicationController>(resource)) {
      if (owner.metadata.deletionTimestamp) continue
      const owned = c.store.list<Pod>('pods', owner.metadata.namespace).filter((p) => controllerOf(p)?.uid === owner.metadata.uid)
      assert.equal(marshalCompact(owner.status), marshalCompact(replicationStatus(owner, owned)), `status of ${owner.metadata.name} after ${what}`)
    }
  }
}

describe('incremental controllers agree with recomputing from scratch', function () {
  this.timeout(120_000)
  for (const seed of [1, 2, 3, 4]) {
    it(`random operations, seed ${seed}`, () => {
      let incremental = Cluster.bootstrap(T0, seed)
      const reference = Cluster.bootstrap(T0, seed)
      RESYNC_EVERY_RUN.add(reference.store)
      const scenario = new Scenario(seed)
      scenario.advance(incremental)
      const log: string[] = []
      for (let i = 0; i < 90; i++) {
        // Now and then the incremental cluster is saved and loaded, as between two kbe commands: its
        // controllers start again from the writes since the load (the endpoints) or a resync (the rest).
        if (i % 5 === 4) incremental = throughStateFile(incremental)
        const op = scenario.next(incremental)
        const a = outcome(op, incremental)
        const b = outcome(op, reference)
        log.push(`${op.what}: ${a}`)
        const what = log.slice(-6).join('\n  ')
        assert.equal(a, b, `outcome of ${op.what}`)
        assert.equal(canonical(incremental), canonical(reference), `state after:\n  ${what}`)
        assertFixedPoint(incremental, what)
        assertReferences(incremental, what)
      }
      // The scenario did exercise the controllers.
      assert.ok(incremental.store.list('pods').length + incremental.store.list('events').length > 20, log.join('\n'))
    })
  }

  it('a Recreate rollout (which waits for the old pods to be gone) matches the reference', () => {
    const incremental = Cluster.bootstrap(T0, 8)
    const reference = Cluster.bootstrap(T0, 8)
    RESYNC_EVERY_RUN.add(reference.store)
    const d = {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'rec', namespace: 'default'},
      spec: {replicas: 3, strategy: {type: 'Recreate'}, selector: {matchLabels: {app: 'rec'}}, template: {metadata: {labels: {app: 'rec'}}, spec: {containers: [{name: 'c', image: 'nginx'}]}}}}
    for (const c of [incremental, reference]) {
      c.create(structuredClone(d) as KubeObject)
      c.advanceTo(new Date(T0.getTime() + 20_000))
      const next = structuredClone(c.store.find('deployments', 'default', 'rec') as KubeObject)
      ;(next.spec as {template: {spec: {containers: {image: string}[]}}}).template.spec.containers[0].image = 'busybox:1.36'
      c.update(next, true)
      for (let t = 21_000; t <= 60_000; t += 1000) c.advanceTo(new Date(T0.getTime() + t))
    }
    assert.equal(JSON.stringify(incremental.snapshot()), JSON.stringify(reference.snapshot()))
    const images = incremental.store.list<Pod>('pods', 'default').map((p) => p.spec.containers[0].image)
    assert.deepEqual(images, ['busybox:1.36', 'busybox:1.36', 'busybox:1.36'])
    assertFixedPoint(incremental, 'the rollout')
  })

  it('a big scale-up and the kubelet steps that follow match the reference', () => {
    const incremental = Cluster.bootstrap(T0, 9)
    const reference = Cluster.bootstrap(T0, 9)
    RESYNC_EVERY_RUN.add(reference.store)
    const rc = {apiVersion: 'v1', kind: 'ReplicationController', metadata: {name: 'big', namespace: 'default'},
      spec: {replicas: 1, selector: {app: 'big'}, template: {metadata: {labels: {app: 'big'}}, spec: {containers: [{name: 'c', image: 'nginx', ports: [{containerPort: 80}]}]}}}}
    const svc = {apiVersion: 'v1', kind: 'Service', metadata: {name: 'big', namespace: 'default'}, spec: {selector: {app: 'big'}, ports: [{port: 80, targetPort: 80}]}}
    for (const c of [incremental, reference]) {
      c.create(structuredClone(rc) as KubeObject)
      c.create(structuredClone(svc) as KubeObject)
      const scaled = structuredClone(c.store.find('replicationcontrollers', 'default', 'big') as KubeObject)
      ;(scaled.spec as {replicas: number}).replicas = 60
      c.update(scaled, true)
      c.advanceTo(new Date(T0.getTime() + 20_000))
      const down = structuredClone(c.store.find('replicationcontrollers', 'default', 'big') as KubeObject)
      ;(down.spec as {replicas: number}).replicas = 7
      c.update(down, true)
      c.advanceTo(new Date(T0.getTime() + 60_000))
    }
    assert.equal(JSON.stringify(incremental.snapshot()), JSON.stringify(reference.snapshot()))
    assert.equal(incremental.store.list('pods', 'default').length, 7)
    assertFixedPoint(incremental, 'the scale-down')
    assertReferences(incremental, 'the scale-down')
  })
})
