// The controllers' API clients are rate limited like kube-controller-manager's (QPS 20, burst 30): first
// the token bucket on its own (grants, batches, wake-ups), then the cluster — a ReplicationController scaled
// far up gets its pods 30 at once and 20 a second after that, whether kbe runs every second or once at
// the end; the garbage collector takes a deleted controller's pods at the same pace; a scale-down is paced
// too; and the pace survives a save and load of the state.
import assert from 'node:assert/strict'
import type {KubeObject, Pod, ReplicationController} from '../../src/api/types.js'
import {Cluster} from '../../src/cluster/cluster.js'
import {CLIENT_BURST, CLIENT_QPS, ClientRateLimits, type ClientBucket} from '../../src/cluster/client-rate-limit.js'
import {decodeState, encodeState} from '../../src/io/state-sections.js'
import type {ClusterState} from '../../src/cluster/state.js'
import {marshalCompact} from '../../src/printers/json.js'

describe('client rate limit (token bucket)', () => {
  function limits(start = 0): {clock: {now: number}; holder: {clients?: Record<string, ClientBucket>}; limits: ClientRateLimits} {
    const clock = {now: start}
    const holder: {clients?: Record<string, ClientBucket>} = {}
    return {clock, holder, limits: new ClientRateLimits(holder, () => clock.now)}
  }

  it('grants a full burst to a client it has not seen, and keeps no state before the first request', () => {
    const {holder, limits: l} = limits()
    assert.equal(holder.clients, undefined)
    assert.equal(l.take('rc', 100), CLIENT_BURST)
    assert.deepEqual(holder.clients, {rc: {tokens: 0, at: 0, wake: 1000}})
  })

  it('refills at QPS per second, up to the burst, and serves a throttled client in batches of QPS', () => {
    const {clock, limits: l} = limits()
    assert.equal(l.take('rc', 100), 30)
    clock.now = 500 // 10 tokens: less than a batch of 20
    assert.equal(l.take('rc', 70), 0)
    assert.equal(l.nextWake(), 1000)
    clock.now = 1000
    assert.equal(l.take('rc', 70), 20)
    clock.now = 1700 // 14 tokens, but the last 5 wanted are a batch of their own
    assert.equal(l.take('rc', 5), 5)
    clock.now = 60_000
    assert.equal(l.take('rc', 1000), CLIENT_BURST, 'a long rest fills the bucket to the burst only')
  })

  it('grants small requests at once while tokens last', () => {
    const {clock, limits: l} = limits()
    for (let i = 0; i < 6; i++) assert.equal(l.take('rs', 5), 5)
    assert.equal(l.take('rs', 5), 0, 'the bucket is empty after 30')
    assert.equal(l.nextWake(), 250, 'five tokens take 250 ms')
    clock.now = 250
    assert.equal(l.take('rs', 5), 5)
  })

  it('keeps one client\'s wake-up when another request of the same client is served', () => {
    const {clock, limits: l} = limits()
    l.take('rc', 25)
    clock.now = 100
    assert.equal(l.take('rc', 40), 0)
    const wake = l.nextWake()
    assert.equal(l.take('rc', 2), 2)
    assert.equal(l.nextWake(), wake)
    l.clearWakes(wake as number)
    assert.equal(l.nextWake(), undefined)
  })

  it('ready() asks without taking, and plans the wake-up when the answer is no', () => {
    const {clock, limits: l} = limits()
    assert.equal(l.ready('gc', 100), true)
    assert.equal(l.take('gc', 100), 30)
    assert.equal(l.ready('gc', 100), false)
    assert.equal(l.nextWake(), 1000)
    clock.now = 1000
    assert.equal(l.ready('gc', 100), true)
    assert.equal(l.take('gc', 100), 20)
  })

  it('keeps the clients apart', () => {
    const {limits: l} = limits()
    assert.equal(l.take('replication-controller', 100), 30)
    assert.equal(l.take('generic-garbage-collector', 100), 30)
  })

  it('counts exactly over many small steps (thousandths of a token)', () => {
    const {clock, limits: l} = limits()
    assert.equal(l.take('rc', 30), 30)
    let granted = 0
    for (clock.now = 0; clock.now <= 10_000; clock.now += 7) granted += l.take('rc', 1)
    // 10,000 ms at 20 per second is 200 tokens; the last step ended at 9,996 ms.
    assert.equal(granted, Math.floor((9996 * CLIENT_QPS) / 1000))
  })
})

describe('controllers paced by their clients', function () {
  this.timeout(60_000)
  const T0 = new Date('2026-11-25T16:00:00Z')
  const at = (ms: number) => new Date(T0.getTime() + ms)

  function rc(replicas: number): KubeObject {
    return {apiVersion: 'v1', kind: 'ReplicationController', metadata: {name: 'big', namespace: 'default'},
      spec: {replicas, selector: {app: 'big'}, template: {metadata: {labels: {app: 'big'}}, spec: {containers: [{name: 'c', image: 'nginx'}]}}}}
  }

  function scale(c: Cluster, replicas: number): void {
    const current = structuredClone(c.store.find('replicationcontrollers', 'default', 'big') as KubeObject)
    ;(current.spec as {replicas: number}).replicas = replicas
    c.update(current, true)
  }

  const pods = (c: Cluster) => c.store.list<Pod>('pods', 'default').filter((p) => p.metadata.labels?.app === 'big')
  const live = (c: Cluster) => pods(c).filter((p) => !p.metadata.deletionTimestamp).length
  const status = (c: Cluster) => (c.store.find('replicationcontrollers', 'default', 'big') as ReplicationController).status

  /** A cluster with the RC at one replica, scaled to `replicas` at T0 + 10 s. */
  function scaledUp(replicas: number): Cluster {
    const c = Cluster.bootstrap(T0, 7)
    c.create(rc(1))
    c.advanceTo(at(10_000))
    scale(c, replicas)
    return c
  }

  it('creates a burst of pods at once, then a batch a second, and reports CURRENT as it goes', () => {
    const c = scaledUp(100)
    assert.equal(live(c), 31, 'the pod it had, and a burst of 30')
    assert.equal(status(c)?.replicas, 31)
    c.advanceTo(at(10_999))
    assert.equal(live(c), 31)
    c.advanceTo(at(11_000))
    assert.equal(live(c), 51)
    c.advanceTo(at(13_000))
    assert.equal(live(c), 91)
    c.advanceTo(at(13_500))
    assert.equal(live(c), 100, 'the last 9 are one batch, made once 9 tokens are there')
    assert.equal(status(c)?.replicas, 100)
  })

  it('ends in the same state whether kbe ran every second or once at the end', () => {
    const often = scaledUp(150)
    const once = scaledUp(150)
    for (let ms = 10_000; ms <= 40_000; ms += 1000) often.advanceTo(at(ms))
    once.advanceTo(at(40_000))
    assert.equal(live(once), 150)
    assert.equal(JSON.stringify(often.snapshot()), JSON.stringify(once.snapshot()))
  })

  it('goes on after the state is saved and loaded in the middle of a scale-up', () => {
    const c = scaledUp(100)
    const reloaded = new Cluster(decodeState(bytesOf(encodeState(c.snapshot())), (d) => new Error(d)) as ClusterState)
    const reference = scaledUp(100)
    reloaded.advanceTo(at(14_000))
    reference.advanceTo(at(14_000))
    assert.equal(live(reloaded), 100)
    assert.equal(canonical(reloaded), canonical(reference))
  })

  it('deletes pods on a scale-down a batch at a time', () => {
    const c = scaledUp(80)
    c.advanceTo(at(60_000))
    assert.equal(live(c), 80)
    scale(c, 0)
    assert.equal(live(c), 50)
    c.advanceTo(at(61_000))
    assert.equal(live(c), 30)
    c.advanceTo(at(62_500))
    assert.equal(live(c), 0)
  })

  it('collects a deleted controller\'s pods at the garbage collector\'s pace', () => {
    const c = scaledUp(80)
    c.advanceTo(at(60_000))
    c.delete(c.store.find('replicationcontrollers', 'default', 'big') as KubeObject)
    assert.equal(live(c), 50, 'a burst of 30 deletions at once')
    c.advanceTo(at(61_000))
    assert.equal(live(c), 30)
    c.advanceTo(at(62_500))
    assert.equal(live(c), 0)
    c.advanceTo(at(200_000))
    assert.equal(pods(c).length, 0, 'and the kubelet removes them all')
  })

  it('leaves small scales immediate (the tutorial\'s replicas all appear at once)', () => {
    const c = Cluster.bootstrap(T0, 3)
    c.create(rc(1))
    scale(c, 30)
    assert.equal(live(c), 30)
  })
})

/** The whole cluster as text that does not depend on the order the state's parts were read in. */
/** The cluster's state as text that doesn't depend on the order objects list their keys in. */
function canonical(c: Cluster): string {
  const {objects, runtime, ...scalars} = c.snapshot()
  const lists = Object.keys(objects).sort().map((resource) => [resource, c.store.list(resource)])
  // Keys sorted at every level: an object read back from the state file lists its keys sorted.
  return marshalCompact({scalars: Object.entries(scalars).sort(), lists, runtime: Object.entries(runtime).sort()})
}

/** The encoded chunks as one buffer the decoder can read. */
function bytesOf(chunks: ReturnType<typeof encodeState>): {size: number; read(offset: number, length: number): Buffer} {
  const buffer = Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : Buffer.isBuffer(c) ? c : c.read(0, c.length))))
  return {size: buffer.length, read: (offset, length) => buffer.subarray(offset, offset + length)}
}
