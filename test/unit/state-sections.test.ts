// The sectioned state file: what is written reads back the same; a command decodes only the sections it
// touches and writes the others back byte for byte; a file cut short, padded, or with a broken section
// is reported as corrupt (a broken section when it is first read); a version-1 document still loads.
import assert from 'node:assert/strict'
import {decodeState, encodeState, type StateBytes, type StateChunk} from '../../src/io/state-sections.js'
import {Cluster} from '../../src/cluster/cluster.js'
import {isDecoded, type ClusterState} from '../../src/cluster/state.js'
import {runGet} from '../../src/cli/get.js'
import type {KubeObject} from '../../src/api/types.js'

const NOW = new Date('2026-11-25T16:00:00Z')

function join(chunks: StateChunk[]): Buffer {
  return Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : Buffer.isBuffer(c) ? c : c.read(0, c.length))))
}

/** Bytes of a file with a record of which ranges were read. */
function bytesOf(buffer: Buffer): StateBytes & {reads: [number, number][]} {
  const reads: [number, number][] = []
  return {size: buffer.length, reads, read: (offset, length) => {
    reads.push([offset, length])
    return buffer.subarray(offset, offset + length)
  }}
}

class Corrupt extends Error {}
const corrupt = (detail: string) => new Corrupt(detail)

function sampleState(): ClusterState {
  const cluster = Cluster.bootstrap(NOW, 7)
  cluster.create({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p', namespace: 'default'}, spec: {containers: [{name: 'c', image: 'nginx'}]}})
  cluster.advanceTo(new Date(NOW.getTime() + 60_000))
  return cluster.snapshot()
}

/** The byte range of section `name` in an encoded file. */
function sectionRange(file: Buffer, name: string): [number, number] {
  const end = file.indexOf(10)
  const header = JSON.parse(file.toString('utf8', 0, end)) as {sections: [string, number][]}
  let at = end + 1
  for (const [n, length] of header.sections) {
    if (n === name) return [at, length]
    at += length + 1
  }
  throw new Error(`no section ${name}`)
}

describe('state file sections', () => {
  it('reads back what was written, and re-encodes an untouched state byte for byte', () => {
    const state = sampleState()
    const file = join(encodeState(state))
    const decoded = decodeState(bytesOf(file), corrupt) as ClusterState
    assert.deepEqual({...decoded, objects: {...decoded.objects}}, JSON.parse(JSON.stringify(state)))
    const again = decodeState(bytesOf(file), corrupt) as ClusterState
    assert.ok(join(encodeState(again)).equals(file))
  })

  it('decodes a resource only when it is first read, and copies the others unread', () => {
    const file = join(encodeState(sampleState()))
    const source = bytesOf(file)
    const state = decodeState(source, corrupt) as ClusterState
    const [podsAt] = sectionRange(file, 'objects/pods')
    const [eventsAt] = sectionRange(file, 'objects/events')
    assert.ok(!source.reads.some(([offset]) => offset === podsAt || offset === eventsAt))
    assert.equal(isDecoded(state.objects, 'pods'), false)
    assert.ok(state.objects.pods['default/p'])
    assert.equal(isDecoded(state.objects, 'pods'), true)
    assert.ok(source.reads.some(([offset]) => offset === podsAt))
    // A changed object carries a new resourceVersion (a store write stamps one): the writer re-encodes it.
    state.objects.pods['default/p'] = {...state.objects.pods['default/p'], metadata: {...state.objects.pods['default/p'].metadata, labels: {changed: 'yes'}, resourceVersion: '999'}}
    const written = join(encodeState(state))
    const reread = decodeState(bytesOf(written), corrupt) as ClusterState
    assert.deepEqual(reread.objects.pods['default/p'].metadata.labels, {changed: 'yes'})
    const [newEventsAt, eventsLength] = sectionRange(written, 'objects/events')
    assert.ok(written.subarray(newEventsAt, newEventsAt + eventsLength).equals(file.subarray(eventsAt, eventsAt + eventsLength)))
  })

  it('reports a file cut short or padded when it loads', () => {
    const file = join(encodeState(sampleState()))
    assert.throws(() => decodeState(bytesOf(file.subarray(0, file.length - 1)), corrupt), Corrupt)
    assert.throws(() => decodeState(bytesOf(file.subarray(0, file.length - 200)), corrupt), Corrupt)
    assert.throws(() => decodeState(bytesOf(Buffer.concat([file, Buffer.from('x\n')])), corrupt), Corrupt)
  })

  it('reports a broken section when it is first read', () => {
    const file = Buffer.from(join(encodeState(sampleState())))
    const [at, length] = sectionRange(file, 'objects/pods')
    file[at + length - 1] = 0x2c // the closing brace becomes a comma
    const state = decodeState(bytesOf(file), corrupt) as ClusterState
    assert.ok(state.objects.services)
    assert.throws(() => state.objects.pods, /section objects\/pods is not valid JSON/)
    file[at + length - 1] = 0x7d
    file[at + length] = 0x20 // the newline after the section is gone
    const shifted = decodeState(bytesOf(file), corrupt) as ClusterState
    assert.throws(() => shifted.objects.pods, /section objects\/pods is cut short/)
  })

  it('loads a version-1 document (one JSON object)', () => {
    const state = sampleState()
    const v1 = Buffer.from(JSON.stringify({...state, version: 1}))
    const decoded = decodeState(bytesOf(v1), corrupt) as ClusterState
    assert.equal((decoded as {version: number}).version, 1)
    assert.deepEqual(decoded.objects.pods, JSON.parse(JSON.stringify(state.objects.pods)))
  })

  it('records new events without decoding the stored ones, with the same result as after decoding them', () => {
    const file = join(encodeState(sampleState()))
    const run = (decodeFirst: boolean) => {
      const state = decodeState(bytesOf(file), corrupt) as ClusterState
      if (decodeFirst) assert.ok(state.objects.events)
      const cluster = new Cluster(state)
      cluster.advanceTo(new Date(NOW.getTime() + 61_000))
      cluster.create({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'q', namespace: 'default'}, spec: {containers: [{name: 'c', image: 'nginx'}]}})
      cluster.advanceTo(new Date(NOW.getTime() + 90_000))
      return {decoded: isDecoded(state.objects, 'events'), bytes: join(encodeState(cluster.snapshot()))}
    }
    const lazy = run(false)
    const eager = run(true)
    assert.equal(lazy.decoded, false)
    assert.ok(lazy.bytes.equals(eager.bytes))
    const state = decodeState(bytesOf(lazy.bytes), corrupt) as ClusterState
    const reasons = Object.values(state.objects.events).filter((e) => (e as {involvedObject: {name: string}}).involvedObject.name === 'q').map((e) => (e as {reason: string}).reason)
    assert.deepEqual(reasons, ['Scheduled', 'Pulled', 'Created', 'Started'])
  })

  it('aggregates a repeated event into the stored one (its key is known), reading the stored events then', () => {
    const state = sampleState()
    const file = join(encodeState(state))
    const again = decodeState(bytesOf(file), corrupt) as ClusterState
    const cluster = new Cluster(again)
    const pod = cluster.store.find('pods', 'default', 'p')!
    const spec = {involved: pod, reason: 'Pulling', message: 'Pulling image "nginx"', type: 'Normal', component: 'kubelet', host: 'minikube', fieldPath: 'spec.containers{c}'}
    ;(cluster as unknown as {record: (e: unknown) => void}).record(spec)
    const pulling = Object.values(again.objects.events).filter((e) => (e as {reason: string; involvedObject: {name: string}}).reason === 'Pulling' && (e as {involvedObject: {name: string}}).involvedObject.name === 'p')
    assert.equal(pulling.length, 1)
    assert.equal((pulling[0] as {count: number}).count, 2)
  })

  it('names the resources with owned objects, so deleting an owner does not decode the events', () => {
    const cluster = Cluster.bootstrap(NOW, 7)
    cluster.create({apiVersion: 'v1', kind: 'ReplicationController', metadata: {name: 'web', namespace: 'default'}, spec: {replicas: 2, selector: {app: 'web'}, template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'c', image: 'nginx'}]}}}})
    cluster.advanceTo(new Date(NOW.getTime() + 60_000))
    const file = join(encodeState(cluster.snapshot()))
    const header = JSON.parse(file.toString('utf8', 0, file.indexOf(10))) as {owned: string[]}
    assert.deepEqual(header.owned, ['endpointslices', 'pods', 'replicasets'].filter((r) => header.owned.includes(r)))
    assert.ok(header.owned.includes('pods'))
    assert.ok(!header.owned.includes('events'))
    const state = decodeState(bytesOf(file), corrupt) as ClusterState
    const again = new Cluster(state)
    again.delete(again.store.find('replicationcontrollers', 'default', 'web')!)
    assert.equal(isDecoded(state.objects, 'events'), false)
    assert.ok(Object.values(state.objects.pods).filter((p) => p.metadata.name?.startsWith('web-')).every((p) => p.metadata.deletionTimestamp))
  })

  it('reads the events of one object through the index, without decoding the others', () => {
    const cluster = Cluster.bootstrap(NOW, 7)
    cluster.create({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p', namespace: 'default'}, spec: {containers: [{name: 'c', image: 'nginx'}]}})
    cluster.advanceTo(new Date(NOW.getTime() + 60_000))
    const file = join(encodeState(cluster.snapshot()))
    const pod = cluster.store.find('pods', 'default', 'p')!
    const expected = cluster.store.list('events', 'default').filter((e) => (e as {involvedObject: {uid: string}}).involvedObject.uid === pod.metadata.uid)
    assert.ok(expected.length >= 4)
    const state = decodeState(bytesOf(file), corrupt) as ClusterState
    const lazy = new Cluster(state)
    // A new event for the pod is appended undecoded, then found beside the indexed ones.
    lazy.advanceTo(new Date(NOW.getTime() + 61_000))
    ;(lazy as unknown as {record: (e: unknown) => void}).record({involved: pod, reason: 'Custom', message: 'one more', type: 'Normal', component: 'kubelet', host: 'minikube'})
    const got = lazy.store.eventsInvolving('default', [pod.metadata.uid])
    assert.equal(isDecoded(state.objects, 'events'), false)
    assert.deepEqual(got.slice(0, -1), JSON.parse(JSON.stringify(expected)))
    assert.equal((got.at(-1) as {reason: string}).reason, 'Custom')
    // Written back (old bytes + the new event) and read again: the index still points at every event.
    const again = decodeState(bytesOf(join(encodeState(lazy.snapshot()))), corrupt) as ClusterState
    const indexed = new Cluster(again).store.eventsInvolving('default', [pod.metadata.uid])
    assert.equal(isDecoded(again.objects, 'events'), false)
    assert.deepEqual(indexed, JSON.parse(JSON.stringify(got)))
    assert.deepEqual(indexed, new Cluster(again).store.list('events', 'default').filter((e) => (e as {involvedObject: {uid: string}}).involvedObject.uid === pod.metadata.uid))
  })
})

describe('-o json from the stored Go JSON', () => {
  const getJson = (args: string[], allNamespaces = false) => ({args, namespace: 'default', allNamespaces, output: 'json', showLabels: false, noHeaders: false, labelColumns: [], showKind: false})

  /** A cluster whose pods carry text Go escapes (HTML characters, U+2028, non-ASCII, quotes, backslashes). */
  function trickyFile(): Buffer {
    const cluster = Cluster.bootstrap(NOW, 7)
    cluster.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'other'}})
    for (const [ns, name] of [['default', 'b'], ['other', 'a'], ['default', 'a']]) {
      cluster.create({
        apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace: ns, labels: {app: 'x'}, annotations: {note: '<a href="x">&amp;</a>\u2028 é 日本 \\ "q" {[,:]}'}},
        spec: {containers: [{name: 'c', image: 'nginx', args: ['a', '', '{}'], env: [{name: 'E', value: '[]'}]}]},
      })
    }
    cluster.advanceTo(new Date(NOW.getTime() + 60_000))
    return join(encodeState(cluster.snapshot()))
  }

  const storedTexts = (c: Cluster, resource: string) => c.store.listGoJson(resource)?.filter((item) => item instanceof Uint8Array).length

  for (const [what, args, all] of [['one namespace', ['pods'], false], ['all namespaces', ['pods'], true], ['several resources', ['pods,svc,rc'], false]] as const) {
    it(`prints what the parsed objects print, without parsing them: ${what}`, () => {
      const file = trickyFile()
      const stored = new Cluster(decodeState(bytesOf(file), corrupt) as ClusterState)
      assert.equal(storedTexts(stored, 'pods'), 4, 'the file holds the pods (and coredns) as Go JSON')
      const printed = runGet(getJson([...args], all), stored, NOW).stdout
      assert.equal(storedTexts(stored, 'pods'), 4, 'printing read none of them')
      const parsed = new Cluster(decodeState(bytesOf(file), corrupt) as ClusterState)
      parsed.store.list('pods')
      assert.equal(storedTexts(parsed, 'pods'), 0, 'pods once read are printed from the objects')
      assert.equal(printed, runGet(getJson([...args], all), parsed, NOW).stdout)
      // Some read, some not: each printed its own way, the same text.
      const mixed = new Cluster(decodeState(bytesOf(file), corrupt) as ClusterState)
      mixed.store.find('pods', 'other', 'a')
      assert.equal(storedTexts(mixed, 'pods'), 3)
      assert.equal(runGet(getJson([...args], all), mixed, NOW).stdout, printed)
      assert.ok(printed.includes('"note": "\\u003ca href=\\"x\\"\\u003e\\u0026amp;\\u003c/a\\u003e\\u2028 é 日本 \\\\ \\"q\\" {[,:]}"'), printed)
    })
  }

  /** The file as a kbe before objects were stored as Go JSON wrote it: its header names no such section. */
  function writtenBeforeGoJson(file: Buffer): Buffer {
    const end = file.indexOf(10)
    const header = JSON.parse(file.toString('utf8', 0, end)) as Record<string, unknown>
    delete header.goJson
    return Buffer.concat([Buffer.from(JSON.stringify(header)), file.subarray(end)])
  }

  it('parses a section a file does not say is Go JSON (written before), and prints the same', () => {
    const file = trickyFile()
    const older = writtenBeforeGoJson(file)
    const cluster = new Cluster(decodeState(bytesOf(older), corrupt) as ClusterState)
    assert.equal(cluster.store.listGoJson('pods'), undefined)
    const reference = new Cluster(decodeState(bytesOf(file), corrupt) as ClusterState)
    assert.equal(runGet(getJson(['pods']), cluster, NOW).stdout, runGet(getJson(['pods']), reference, NOW).stdout)
  })

  it('stores a section written before objects were Go JSON as Go JSON the first time it is written', () => {
    const file = trickyFile()
    const older = writtenBeforeGoJson(file)
    const cluster = new Cluster(decodeState(bytesOf(older), corrupt) as ClusterState)
    const pod = structuredClone(cluster.store.find('pods', 'default', 'a')) as KubeObject
    pod.metadata.labels = {app: 'y'}
    cluster.store.update(pod)
    const written = join(encodeState(cluster.snapshot()))
    const again = new Cluster(decodeState(bytesOf(written), corrupt) as ClusterState)
    assert.equal(storedTexts(again, 'pods'), 4, 'the pods are Go JSON now')
    assert.equal(again.store.listGoJson('services'), undefined, 'a section not written is as it was')
  })

  it('does not print from a key index that does not tile its section', () => {
    const file = trickyFile()
    const [at, length] = sectionRange(file, 'index/objects/pods')
    const index = JSON.parse(file.toString('utf8', at, at + length)) as Record<string, [number, number]>
    const [first] = Object.keys(index)
    index[first][1] -= 1 // the same length of text, but pointing one byte short of the object's end
    const text = JSON.stringify(index)
    const broken = Buffer.from(file)
    broken.write(text.padEnd(length, ' '), at)
    const cluster = new Cluster(decodeState(bytesOf(broken), corrupt) as ClusterState)
    assert.equal(cluster.store.listGoJson('pods'), undefined)
    assert.ok(runGet(getJson(['pods']), cluster, NOW).stdout.includes('"kind": "List"'))
  })
})

describe('lazy sections and pod digests', () => {
  const rc = (name: string, replicas: number) => ({apiVersion: 'v1', kind: 'ReplicationController', metadata: {name, namespace: 'default'},
    spec: {replicas, selector: {app: name}, template: {metadata: {labels: {app: name}}, spec: {containers: [{name: 'c', image: 'nginx'}]}}}})

  /** A file with RCs a (3 pods) and b (1 pod), settled; then a's pods damaged so that parsing any of them fails. */
  function damagedFile(): {file: Buffer; damaged: string[]} {
    const cluster = Cluster.bootstrap(NOW, 7)
    cluster.create(rc('a', 3))
    cluster.create(rc('b', 1))
    cluster.advanceTo(new Date(NOW.getTime() + 60_000))
    let text = join(encodeState(cluster.snapshot())).toString('latin1')
    const damaged: string[] = []
    for (const pod of cluster.store.list('pods', 'default').filter((p) => p.metadata.name?.startsWith('a-'))) {
      const at = text.indexOf('"spec":{', text.indexOf(`"default/${pod.metadata.name}":{`))
      text = `${text.slice(0, at)}"spec"!{${text.slice(at + '"spec":{'.length)}`
      damaged.push(text.slice(text.indexOf(`"default/${pod.metadata.name}":{`), at + 20))
    }
    return {file: Buffer.from(text, 'latin1'), damaged}
  }

  it('a scale-up parses none of the other pods (the controllers start from the digests) and copies them as they were', () => {
    const {file, damaged} = damagedFile()
    const cluster = new Cluster(decodeState(bytesOf(file), corrupt) as ClusterState)
    const b = structuredClone(cluster.store.find('replicationcontrollers', 'default', 'b')) as ReturnType<typeof rc>
    b.spec.replicas = 4
    cluster.update(b as never, true)
    cluster.advanceTo(new Date(NOW.getTime() + 90_000))
    const written = join(encodeState(cluster.snapshot())).toString('latin1')
    for (const text of damaged) assert.ok(written.includes(text), 'the unread pod is copied byte for byte')
    const again = new Cluster(decodeState(bytesOf(Buffer.from(written, 'latin1')), corrupt) as ClusterState)
    assert.equal(again.store.keys('pods', 'default').filter((k) => k.startsWith('default/b-')).length, 4)
    assert.throws(() => again.store.list('pods', 'default'), /section objects\/pods is not valid JSON/, 'reading a damaged pod reports the section')
  })

  it('ignores a digest section that is not JSON, or a digest of the wrong shape, and reads the pods instead', () => {
    const cluster = Cluster.bootstrap(NOW, 7)
    cluster.create(rc('a', 3))
    cluster.advanceTo(new Date(NOW.getTime() + 60_000))
    const file = join(encodeState(cluster.snapshot()))
    const [at, length] = sectionRange(file, 'index/digest/pods')
    const digests = JSON.parse(file.toString('utf8', at, at + length)) as Record<string, unknown>
    const key = Object.keys(digests).find((k) => k.startsWith('default/a-')) as string
    const wrongShape = JSON.stringify({...digests, [key]: ['not', 'a', 'digest']})
    const scaled = (damage: (bytes: Buffer) => Buffer) => {
      const c = new Cluster(decodeState(bytesOf(damage(Buffer.from(file))), corrupt) as ClusterState)
      const a = structuredClone(c.store.find('replicationcontrollers', 'default', 'a')) as ReturnType<typeof rc>
      a.spec.replicas = 1
      c.update(a as never, true)
      c.advanceTo(new Date(NOW.getTime() + 120_000))
      return c.store.keys('pods', 'default')
    }
    const reference = scaled((bytes) => bytes)
    assert.equal(reference.length, 1)
    assert.deepEqual(scaled((bytes) => { bytes.fill(0x21, at, at + length); return bytes }), reference)
    assert.ok(wrongShape.length < length, 'the edited digests fit where the old ones were')
    assert.deepEqual(scaled((bytes) => { bytes.write(wrongShape.padEnd(length, ' '), at, 'latin1'); return bytes }), reference)
  })

  it('deleting an RC reads its own pods, not the others', () => {
    const {file} = damagedFile()
    const cluster = new Cluster(decodeState(bytesOf(file), corrupt) as ClusterState)
    cluster.delete(cluster.store.find('replicationcontrollers', 'default', 'b') as never)
    cluster.advanceTo(new Date(NOW.getTime() + 120_000))
    assert.deepEqual(cluster.store.keys('pods', 'default').filter((k) => k.startsWith('default/b-')), [])
    assert.equal(cluster.store.keys('pods', 'default').filter((k) => k.startsWith('default/a-')).length, 3)
  })
})
