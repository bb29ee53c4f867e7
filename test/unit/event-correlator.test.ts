// The event recorders' correlator, as client-go's: similar events (same source, object, type and reason,
// different messages) become one "(combined from similar events)" event from the 10th on; a source may
// write 25 events about one object at once and then one every 5 minutes, the held-back ones still
// counted; the caches are LRUs of 4096 entries and survive a save and load of the state.
import assert from 'node:assert/strict'
import type {Event, KubeObject} from '../../src/api/types.js'
import type {EventSpec} from '../../src/controllers/context.js'
import {CACHE_ENTRIES, EventCorrelator} from '../../src/cluster/event-correlator.js'
import {recordEvent} from '../../src/cluster/events.js'
import {ObjectStore} from '../../src/store/store.js'
import {Cluster} from '../../src/cluster/cluster.js'
import {isDecoded, type ClusterState} from '../../src/cluster/state.js'
import {decodeState, encodeState} from '../../src/io/state-sections.js'
import {Sfc32, seedState} from '../../src/util/random.js'

const T0 = Date.parse('2026-11-25T16:00:00Z')

function rc(name = 'web', uid = 'rc-uid'): KubeObject {
  return {apiVersion: 'v1', kind: 'ReplicationController', metadata: {name, namespace: 'default', uid, resourceVersion: '7'}}
}

function created(pod: string, owner = rc()): EventSpec {
  return {involved: owner, type: 'Normal', reason: 'SuccessfulCreate', component: 'replication-controller', message: `Created pod: ${pod}`}
}

/** A store, a correlator and a clock; `record` records at the clock's instant (ms after T0). */
function recorder(saved?: ReturnType<EventCorrelator['toJSON']>) {
  const random = new Sfc32(seedState(1))
  const store = new ObjectStore({}, {value: 0}, {now: () => new Date(T0), random})
  const correlator = new EventCorrelator(saved)
  let sequence = 0
  return {
    store,
    correlator,
    record(spec: EventSpec, ms: number) {
      recordEvent(store, spec, new Date(T0 + ms), ++sequence, undefined, correlator)
    },
    events(): string[] {
      return store.list<Event>('events').map((e) => `${e.message} x${e.count} ${(Date.parse(e.firstTimestamp) - T0) / 1000}-${(Date.parse(e.lastTimestamp) - T0) / 1000}`).sort()
    },
  }
}

describe('event correlator', () => {
  it('combines similar events from the 10th on, the combined one following the latest message', () => {
    const r = recorder()
    for (let i = 0; i < 15; i++) r.record(created(`web-${i}`), i * 1000)
    assert.deepEqual(r.events(), [
      '(combined from similar events): Created pod: web-14 x6 9-14',
      ...Array.from({length: 9}, (_, i) => `Created pod: web-${i} x1 ${i}-${i}`),
    ].sort())
  })

  it('starts over after a gap of more than 10 minutes between similar events', () => {
    const r = recorder()
    for (let i = 0; i < 9; i++) r.record(created(`a-${i}`), i)
    r.record(created('late'), 8 + 600_001)
    assert.ok(r.events().includes('Created pod: late x1 600-600'), r.events().join('\n'))
    assert.equal(r.events().filter((e) => e.startsWith('(combined')).length, 0)
  })

  it('counts a repeated identical event on one event, and does not combine it', () => {
    const r = recorder()
    const spec: EventSpec = {involved: rc(), type: 'Warning', reason: 'FailedCreate', component: 'replication-controller', message: 'quota exceeded'}
    for (let i = 0; i < 12; i++) r.record(spec, i * 1000)
    assert.deepEqual(r.events(), ['quota exceeded x12 0-11'])
  })

  it('lets a source write 25 events about an object, then one every 5 minutes carrying the held-back count', () => {
    const r = recorder()
    const spec: EventSpec = {involved: rc(), type: 'Warning', reason: 'FailedCreate', component: 'replication-controller', message: 'quota exceeded'}
    for (let i = 0; i < 40; i++) r.record(spec, i * 1000)
    assert.deepEqual(r.events(), ['quota exceeded x25 0-24'], 'writes 26-40 were held back')
    r.record(spec, 300_000)
    assert.deepEqual(r.events(), ['quota exceeded x41 0-300'], 'one token after 5 minutes: the whole count')
    r.record(spec, 301_000)
    assert.deepEqual(r.events(), ['quota exceeded x41 0-300'])
  })

  it('writes an event first held back under the name and first time the recorder gave it then', () => {
    const r = recorder()
    const other: EventSpec = {involved: rc(), type: 'Normal', reason: 'Ping', component: 'replication-controller', message: 'ping'}
    for (let i = 0; i < 25; i++) r.record(other, 0)
    const late: EventSpec = {involved: rc(), type: 'Warning', reason: 'Odd', component: 'replication-controller', message: 'odd'}
    r.record(late, 10_000)
    r.record(late, 20_000)
    assert.deepEqual(r.events(), ['ping x25 0-0'])
    r.record(late, 310_000)
    assert.deepEqual(r.events(), ['odd x3 10-310', 'ping x25 0-0'])
  })

  it('keeps sources and objects apart', () => {
    const r = recorder()
    for (let i = 0; i < 25; i++) r.record(created(`x-${i}`), 0)
    r.record(created('other-rc-pod', rc('api', 'api-uid')), 0)
    r.record({...created('from-rs'), component: 'replicaset-controller'}, 0)
    assert.ok(r.events().includes('Created pod: other-rc-pod x1 0-0'))
    assert.ok(r.events().includes('Created pod: from-rs x1 0-0'))
  })

  it('forgets the least recently used of more than 4096 objects (the first is a stranger again)', () => {
    const r = recorder()
    const spec = (i: number): EventSpec => ({involved: rc(`rc-${i}`, `uid-${i}`), type: 'Normal', reason: 'Ping', component: 'replication-controller', message: 'ping'})
    for (let k = 0; k < 25; k++) r.record(spec(0), 0)
    for (let i = 1; i <= CACHE_ENTRIES; i++) r.record(spec(i), 0)
    r.record(spec(0), 1000)
    const first = r.store.list<Event>('events').find((e) => e.involvedObject.name === 'rc-0')
    assert.equal(first?.count, 26, 'its spam bucket was evicted, so the event is written at once')
  })

  it('survives a save and load: the state keeps what the recorders remember', () => {
    const a = recorder()
    const b = recorder()
    const spec: EventSpec = {involved: rc(), type: 'Warning', reason: 'FailedCreate', component: 'replication-controller', message: 'quota exceeded'}
    for (let i = 0; i < 30; i++) {
      a.record(spec, i)
      b.record(spec, i)
    }
    for (let i = 0; i < 12; i++) {
      a.record(created(`p-${i}`), 100 + i)
      b.record(created(`p-${i}`), 100 + i)
    }
    const saved = JSON.parse(JSON.stringify(b.correlator.toJSON(T0 + 200, 3_600_000)))
    const reloaded = new EventCorrelator(saved)
    let seq = 1000
    for (const [r, c] of [[a.store, a.correlator], [b.store, reloaded]] as const) {
      for (const ms of [300_000, 301_000, 700_000]) recordEvent(r, spec, new Date(T0 + ms), ++seq, undefined, c)
    }
    const view = (s: ObjectStore) => s.list<Event>('events').map((e) => `${e.message} x${e.count} ${e.lastTimestamp}`).sort().join('\n')
    assert.equal(view(b.store), view(a.store))
    // 30 observations in the first burst (25 written), then three more: written at 300 s, held at 301 s, written at 700 s.
    assert.ok(view(a.store).includes('quota exceeded x33'), view(a.store))
  })

  it('leaves out of the saved state what no longer matters', () => {
    const r = recorder()
    r.record(created('one'), 0)
    assert.notEqual(r.correlator.toJSON(T0 + 1000, 3_600_000), undefined)
    // 10 minutes on, the aggregation has lapsed; 5 minutes on, the one token used is back.
    assert.equal(r.correlator.toJSON(T0 + 600_001, 3_600_000), undefined)
  })
})

describe('events recorded onto unread stored events', () => {
  it('a scale-up\'s combined event is counted without reading the stored events, as a decoded store counts it', () => {
    const T = new Date('2026-11-25T16:00:00Z')
    const at = (ms: number) => new Date(T.getTime() + ms)
    const rcObject = (replicas: number): KubeObject => ({apiVersion: 'v1', kind: 'ReplicationController', metadata: {name: 'big', namespace: 'default'},
      spec: {replicas, selector: {app: 'big'}, template: {metadata: {labels: {app: 'big'}}, spec: {containers: [{name: 'c', image: 'nginx'}]}}}})
    const base = Cluster.bootstrap(T, 5)
    base.create(rcObject(1))
    base.advanceTo(at(60_000))
    const chunks = encodeState(base.snapshot())
    const bytes = Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : Buffer.isBuffer(c) ? c : c.read(0, c.length))))
    const load = () => new Cluster(decodeState({size: bytes.length, read: (o, n) => bytes.subarray(o, o + n)}, (d) => new Error(d)) as ClusterState)
    const lazy = load()
    const eager = load()
    eager.store.list('events')
    for (const c of [lazy, eager]) {
      const rc = structuredClone(c.store.find('replicationcontrollers', 'default', 'big') as KubeObject)
      ;(rc.spec as {replicas: number}).replicas = 25
      c.update(rc, true)
    }
    assert.equal(isDecoded(lazy.state.objects, 'events'), false, 'the stored events were not read')
    const view = (c: Cluster) => c.store.list<Event>('events').filter((e) => e.involvedObject.name === 'big').map((e) => `${e.metadata.name} ${e.message} x${e.count} ${e.metadata.resourceVersion}`).join('\n')
    assert.equal(view(lazy), view(eager))
    // 9 distinct messages (the first pod's and 8 more), then the other 16 pods on the combined event.
    assert.match(view(eager), /\(combined from similar events\): Created pod: big-\w+ x16 /)
  })
})
