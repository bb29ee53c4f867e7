// Decoded object sections written back by splicing: unchanged entries are copied from the old file, only
// changed and new ones encoded, removed ones dropped; the key index points at every object after any
// number of consecutive splices; a file without key indexes, one whose old bytes are gone or a section
// with too much changed is encoded in full; a broken key index is ignored (full encoding), never trusted;
// and the KBE_CHECK_SPLICE safety net catches an object changed in place without a store write.
import assert from 'node:assert/strict'
import {decodeState, encodeState, type StateBytes, type StateChunk} from '../../src/io/state-sections.js'
import {joinChunks} from '../../src/io/state-chunks.js'
import {checkSplice} from '../../src/io/state-splice-check.js'
import {Cluster} from '../../src/cluster/cluster.js'
import {isDecoded, type ClusterState} from '../../src/cluster/state.js'
import type {KubeObject} from '../../src/api/types.js'

const NOW = new Date('2026-11-25T16:00:00Z')
const PODS = 20

class Corrupt extends Error {}
const corrupt = (detail: string) => new Corrupt(detail)

/** Bytes of a file; `closed` makes them unreadable, as after the command's files are closed. */
function bytesOf(buffer: Buffer): StateBytes & {closed: boolean} {
  const bytes = {size: buffer.length, closed: false, open: () => !bytes.closed, read: (offset: number, length: number) => {
    if (bytes.closed) throw new Error('read after close')
    return buffer.subarray(offset, offset + length)
  }}
  return bytes
}

function pod(name: string, annotations?: Record<string, string>): KubeObject {
  return {apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace: 'default', labels: {app: 'web'}, annotations}, spec: {containers: [{name: 'c', image: 'nginx'}]}}
}

/** The byte offset and length of section `name` in an encoded file. */
function sectionRange(file: Buffer, name: string): [number, number] {
  const end = file.indexOf(10)
  let at = end + 1
  for (const [n, length] of (JSON.parse(file.toString('utf8', 0, end)) as {sections: [string, number][]}).sections) {
    if (n === name) return [at, length]
    at += length + 1
  }
  throw new Error(`no section ${name}`)
}

/** A cluster with PODS pods stored directly (no controllers), some with non-ASCII annotations. */
function podCluster(): Cluster {
  const cluster = Cluster.bootstrap(NOW, 7)
  for (let i = 0; i < PODS; i++) cluster.store.create(pod(`p${String(i).padStart(2, '0')}`, i % 3 === 0 ? {note: `größe ${i} — 日本語 ✓`} : undefined))
  return cluster
}

/** Decodes a file into a cluster, with its pods decoded. */
function load(file: Buffer, source = bytesOf(file)): Cluster {
  const state = decodeState(source, corrupt) as ClusterState
  assert.ok(state.objects.pods)
  return new Cluster(state)
}

interface Sections {
  names: string[]
  body: Map<string, Buffer>
}

function sectionsOf(file: Buffer): Sections {
  const end = file.indexOf(10)
  const header = JSON.parse(file.toString('utf8', 0, end)) as {sections: [string, number][]}
  const body = new Map<string, Buffer>()
  let at = end + 1
  for (const [name, length] of header.sections) {
    body.set(name, file.subarray(at, at + length))
    at += length + 1
  }
  return {names: header.sections.map(([name]) => name), body}
}

/** Returns the file with the sections `edit` returns (a section mapped to undefined is left out). */
function rewrite(file: Buffer, edit: (name: string, bytes: Buffer) => Buffer | undefined): Buffer {
  const end = file.indexOf(10)
  const header = JSON.parse(file.toString('utf8', 0, end)) as {sections: [string, number][]}
  const {body} = sectionsOf(file)
  const kept: [string, Buffer][] = []
  for (const [name] of header.sections) {
    const bytes = edit(name, body.get(name) as Buffer)
    if (bytes) kept.push([name, bytes])
  }
  header.sections = kept.map(([name, bytes]) => [name, bytes.length])
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...kept.flatMap(([, bytes]) => [bytes, Buffer.from('\n')])])
}

/** The chunks of the pods section in an encoding (the header's lengths tell where it is). */
function podsChunks(chunks: StateChunk[]): StateChunk[] {
  const header = JSON.parse(chunks[0] as string) as {sections: [string, number][]}
  const lengthOf = (c: StateChunk) => (typeof c === 'string' ? Buffer.byteLength(c) : c.length)
  let section = 0
  let filled = 0
  const found: StateChunk[] = []
  for (const chunk of chunks.slice(2)) {
    if (header.sections[section][0] === 'objects/pods' && filled < header.sections[section][1]) found.push(chunk)
    filled += lengthOf(chunk)
    if (filled === header.sections[section][1] + 1) {
      section += 1
      filled = 0
    }
  }
  return found
}

/** How many chunks of the pods section are copied from the old file. */
function copiedPods(chunks: StateChunk[]): number {
  return podsChunks(chunks).filter((c) => typeof c !== 'string' && !Buffer.isBuffer(c)).length
}

/** Asserts that every entry of the key index points at the JSON of its object, and that every key has one. */
function assertIndexed(file: Buffer, resource: string): void {
  const {body} = sectionsOf(file)
  const section = body.get(`objects/${resource}`) as Buffer
  const index = JSON.parse((body.get(`index/objects/${resource}`) as Buffer).toString('utf8')) as Record<string, [number, number]>
  const record = JSON.parse(section.toString('utf8')) as Record<string, unknown>
  assert.deepEqual(Object.keys(index).sort(), Object.keys(record).sort())
  for (const [key, [at, length]] of Object.entries(index)) assert.deepEqual(JSON.parse(section.toString('utf8', at, at + length)), record[key], key)
}

function podNamed(cluster: Cluster, name: string): KubeObject {
  return cluster.store.find('pods', 'default', name) as KubeObject
}

/** Updates a pod through the store (a new object, as the commands do), with an annotation. */
function annotate(cluster: Cluster, name: string, note: string): void {
  const old = podNamed(cluster, name)
  cluster.store.update({...old, metadata: {...old.metadata, annotations: {...old.metadata.annotations, note}}})
}

describe('state file splicing', () => {
  it('splices updates, removals, creates and non-ASCII annotations, with the bytes of a full encoding', () => {
    const file = joinChunks(encodeState(podCluster().snapshot()))
    const cluster = load(file)
    annotate(cluster, 'p03', 'ünïcödé ✓ 変更')
    annotate(cluster, 'p10', 'x')
    cluster.store.remove(podNamed(cluster, 'p00'))
    cluster.store.remove(podNamed(cluster, 'p19'))
    cluster.store.create(pod('q1', {note: 'neu — 新'}))
    const chunks = encodeState(cluster.snapshot())
    assert.ok(copiedPods(chunks) >= 3, 'runs of unchanged pods are copied')
    const spliced = joinChunks(chunks)
    assert.ok(spliced.equals(joinChunks(encodeState(cluster.snapshot(), 'never'))))
    assertIndexed(spliced, 'pods')
    const again = load(spliced)
    const names = again.store.list('pods', 'default').map((p) => p.metadata.name)
    assert.deepEqual(names, [...Array.from({length: 18}, (_, i) => `p${String(i + 1).padStart(2, '0')}`), 'q1'])
    assert.equal(podNamed(again, 'p03').metadata.annotations?.note, 'ünïcödé ✓ 変更')
    assert.equal(podNamed(again, 'q1').metadata.annotations?.note, 'neu — 新')
    assert.deepEqual(again.store.list('pods'), JSON.parse(JSON.stringify(cluster.store.list('pods'))))
  })

  it('keeps the key index right through consecutive splices', () => {
    const cluster = podCluster()
    let file = joinChunks(encodeState(cluster.snapshot()))
    for (let round = 0; round < 6; round++) {
      const next = load(file)
      annotate(next, `p${String(round + 4).padStart(2, '0')}`, `round ${round} — ü`.repeat(round + 1))
      next.store.remove(podNamed(next, `p${String(round + 1).padStart(2, '0')}`))
      next.store.create(pod(`r${round}`, {note: '日本'.repeat(round)}))
      // A pod removed and created again under its name is new: it moves to the end, as in the record.
      if (round === 3) next.store.create(pod('p01'))
      const chunks = encodeState(next.snapshot())
      assert.ok(copiedPods(chunks) > 0, `round ${round} spliced`)
      file = joinChunks(chunks)
      assert.ok(file.equals(joinChunks(encodeState(next.snapshot(), 'never'))), `round ${round} as a full encoding`)
      assertIndexed(file, 'pods')
    }
    const last = load(file)
    assert.deepEqual(last.store.list('pods').map((p) => p.metadata.name).filter((n) => n?.startsWith('r')), ['r0', 'r1', 'r2', 'r3', 'r4', 'r5'])
    assert.equal(podNamed(last, 'p09').metadata.annotations?.note, 'round 5 — ü'.repeat(6))
    assert.ok(podNamed(last, 'p01'))
    assert.equal(podNamed(last, 'p02'), undefined)
  })

  it('copies an untouched decoded section and its index as they were', () => {
    const file = joinChunks(encodeState(podCluster().snapshot()))
    const chunks = encodeState(load(file).snapshot())
    assert.equal(copiedPods(chunks), 1)
    assert.equal(podsChunks(chunks).length, 1)
    const written = sectionsOf(joinChunks(chunks))
    for (const name of ['objects/pods', 'index/objects/pods']) assert.ok(written.body.get(name)?.equals(sectionsOf(file).body.get(name) as Buffer), name)
  })

  it('encodes in full a file written without key indexes, and indexes it', () => {
    const indexed = joinChunks(encodeState(podCluster().snapshot()))
    const plain = rewrite(indexed, (name, bytes) => (name.startsWith('index/objects/') ? undefined : bytes))
    assert.ok(!sectionsOf(plain).names.some((n) => n.startsWith('index/objects/')))
    const cluster = load(plain)
    annotate(cluster, 'p05', 'changed')
    const chunks = encodeState(cluster.snapshot(), 'always')
    assert.equal(copiedPods(chunks), 0)
    const file = joinChunks(chunks)
    assertIndexed(file, 'pods')
    const next = load(file)
    annotate(next, 'p06', 'changed too')
    assert.ok(copiedPods(encodeState(next.snapshot())) > 0)
  })

  it('encodes in full when more than a quarter of the entries changed and all were read', () => {
    const file = joinChunks(encodeState(podCluster().snapshot()))
    const cluster = load(file)
    for (let i = 0; i < 6; i++) annotate(cluster, `p0${i}`, 'many')
    // With entries unread, splicing always pays: encoding them would mean parsing them.
    assert.ok(copiedPods(encodeState(cluster.snapshot())) > 0)
    cluster.store.list('pods')
    assert.equal(copiedPods(encodeState(cluster.snapshot())), 0)
    assert.ok(copiedPods(encodeState(cluster.snapshot(), 'always')) > 0)
    assert.ok(joinChunks(encodeState(cluster.snapshot())).equals(joinChunks(encodeState(cluster.snapshot(), 'always'))))
  })

  it('splices a section read lazily from the bytes it was read from, not from the file again', () => {
    const file = joinChunks(encodeState(podCluster().snapshot()))
    const source = bytesOf(file)
    const few = load(file, source)
    annotate(few, 'p01', 'one')
    const reads: number[] = []
    const read = source.read.bind(source)
    source.read = (offset: number, length: number) => {
      reads.push(offset)
      return read(offset, length)
    }
    const chunks = encodeState(few.snapshot())
    assert.ok(copiedPods(chunks) > 0)
    const written = joinChunks(chunks)
    const [podsAt, podsLength] = sectionRange(file, 'objects/pods')
    assert.ok(!reads.some((at) => at >= podsAt && at < podsAt + podsLength), 'the pods are not read again')
    assert.ok(written.equals(joinChunks(encodeState(few.snapshot(), 'never'))))
    assert.equal(podNamed(load(written), 'p01').metadata.annotations?.note, 'one')
  })

  it('ignores a key index that does not match its section, and writes a correct one', () => {
    const file = joinChunks(encodeState(podCluster().snapshot()))
    const breakages: Record<string, (index: Record<string, [number, number]>) => unknown> = {
      'an offset one byte off': (index) => { index['default/p04'][0] += 1 },
      'a length one byte short': (index) => { index['default/p04'][1] -= 1 },
      'two entries swapped': (index) => { [index['default/p04'], index['default/p05']] = [index['default/p05'], index['default/p04']] },
      'a key missing': (index) => { delete index['default/p07'] },
      'the last length one byte short (it still ends in a brace)': (index) => { index['default/p19'][1] -= 1 },
      'a place outside the section': (index) => { index['default/p19'][1] += 100_000 },
      'not a place': (index) => { (index as Record<string, unknown>)['default/p02'] = 'here' },
      'a list': () => [],
    }
    for (const [what, edit] of Object.entries(breakages)) {
      const broken = rewrite(file, (name, bytes) => {
        if (name !== 'index/objects/pods') return bytes
        const index = JSON.parse(bytes.toString('utf8')) as Record<string, [number, number]>
        return Buffer.from(JSON.stringify(edit(index) ?? index))
      })
      const cluster = load(broken)
      annotate(cluster, 'p12', what)
      const chunks = encodeState(cluster.snapshot(), 'always')
      assert.equal(copiedPods(chunks), 0, what)
      const written = joinChunks(chunks)
      assertIndexed(written, 'pods')
      assert.equal(podNamed(load(written), 'p12').metadata.annotations?.note, what)
      assert.equal(load(written).store.list('pods').length, load(file).store.list('pods').length)
    }
    const notJson = rewrite(file, (name, bytes) => (name === 'index/objects/pods' ? Buffer.from(`!${bytes.toString('utf8', 1)}`) : bytes))
    assert.equal(copiedPods(encodeState(load(notJson).snapshot(), 'always')), 0)
  })

  it('reads a key index that lists its keys in another order than the section by their offsets', () => {
    const file = joinChunks(encodeState(podCluster().snapshot()))
    const shuffled = rewrite(file, (name, bytes) => {
      if (name !== 'index/objects/pods') return bytes
      const index = JSON.parse(bytes.toString('utf8')) as Record<string, [number, number]>
      return Buffer.from(JSON.stringify(Object.fromEntries(Object.entries(index).reverse())))
    })
    const cluster = load(shuffled)
    assert.deepEqual(Object.keys(cluster.state.objects.pods), Object.keys(load(file).state.objects.pods), 'the section\'s order')
    annotate(cluster, 'p12', 'lazy')
    const chunks = encodeState(cluster.snapshot(), 'always')
    assert.ok(copiedPods(chunks) > 0)
    assert.equal(podNamed(load(joinChunks(chunks)), 'p12').metadata.annotations?.note, 'lazy')
  })

  it('ignores a key index whose boundary was moved to a look-alike inside the next object', () => {
    const cluster = podCluster()
    // Bytes that look like the end of one entry and the start of the next ("}," then a 14-byte key, then "{").
    annotate(cluster, 'p05', '},ABCDEFGHIJKLMN{')
    const file = joinChunks(encodeState(cluster.snapshot()))
    const broken = rewrite(file, (name, bytes) => {
      if (name !== 'index/objects/pods') return bytes
      const index = JSON.parse(bytes.toString('utf8')) as Record<string, [number, number]>
      const section = sectionsOf(file).body.get('objects/pods') as Buffer
      const [p05, p05Length] = index['default/p05']
      const comma = section.indexOf('},ABCDEFGHIJKLMN{', p05) + 1
      const [p04] = index['default/p04']
      index['default/p04'] = [p04, comma - p04]
      index['default/p05'] = [comma + 15, p05 + p05Length - comma - 15]
      return Buffer.from(JSON.stringify(index))
    })
    const next = load(broken)
    annotate(next, 'p06', 'x')
    const chunks = encodeState(next.snapshot(), 'always')
    assert.equal(copiedPods(chunks), 0)
    assert.equal(podNamed(load(joinChunks(chunks)), 'p05').metadata.annotations?.note, '},ABCDEFGHIJKLMN{')
  })

  it('writes the entries in the record\'s order, even when only the order changed', () => {
    const file = joinChunks(encodeState(podCluster().snapshot()))
    const cluster = load(file)
    const pods = cluster.state.objects.pods
    const moved = pods['default/p02']
    delete pods['default/p02']
    pods['default/p02'] = moved
    const chunks = encodeState(cluster.snapshot())
    assert.ok(copiedPods(chunks) >= 2)
    assert.ok(joinChunks(chunks).equals(joinChunks(encodeState(cluster.snapshot(), 'never'))))
    assert.equal(Object.keys(load(joinChunks(chunks)).state.objects.pods).at(-1), 'default/p02')
  })

  it('copies an undecoded section with its key index', () => {
    const file = joinChunks(encodeState(podCluster().snapshot()))
    const state = decodeState(bytesOf(file), corrupt) as ClusterState
    assert.ok(state.objects.services)
    const written = joinChunks(encodeState(state))
    assert.equal(isDecoded(state.objects, 'pods'), false)
    assert.ok(sectionsOf(written).body.get('index/objects/pods')?.equals(sectionsOf(file).body.get('index/objects/pods') as Buffer))
    assert.ok(written.equals(file))
  })

  it('the KBE_CHECK_SPLICE check fails on an object changed in place without a store write', () => {
    const file = joinChunks(encodeState(podCluster().snapshot()))
    const cluster = load(file)
    ;(podNamed(cluster, 'p08').metadata.labels as Record<string, string>).app = 'sneaky'
    const chunks = encodeState(cluster.snapshot(), 'always')
    assert.throws(() => checkSplice(cluster.state, chunks), {message: 'kbe: KBE_CHECK_SPLICE: the spliced state file differs from a full encoding: section objects/pods: default/p08.metadata.labels.app is "web" spliced, "sneaky" in full'})
    cluster.store.update(podNamed(cluster, 'p08'))
    checkSplice(cluster.state, encodeState(cluster.snapshot(), 'always'))
  })

  it('the KBE_CHECK_SPLICE check accepts the same objects in another order, and checks the key index', () => {
    const file = joinChunks(encodeState(podCluster().snapshot()))
    const state = load(file).state
    const reordered = rewrite(joinChunks(encodeState(state)), (name, bytes) => {
      if (name !== 'objects/pods' && name !== 'index/objects/pods') return bytes
      const record = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>
      if (name === 'index/objects/pods') return Buffer.from(JSON.stringify(encodeReversed(state.objects.pods).index))
      return Buffer.from(JSON.stringify(Object.fromEntries(Object.entries(record).reverse())))
    })
    checkSplice(state, [reordered])
    const misindexed = rewrite(reordered, (name, bytes) => (name === 'index/objects/pods' ? Buffer.from(JSON.stringify(encodeReversed(state.objects.pods).index).replace(/\[(\d+),/, (_, at: string) => `[${Number(at) + 1},`)) : bytes))
    assert.throws(() => checkSplice(state, [misindexed]), /section index\/objects\/pods: the index does not point at default\/p19/)
  })
})

/** The pods record in reverse order, with its key index. */
function encodeReversed(pods: Record<string, KubeObject>): {index: Record<string, [number, number]>} {
  const index: Record<string, [number, number]> = {}
  let at = 1
  for (const [key, object] of Object.entries(pods).reverse()) {
    at += Buffer.byteLength(`${at > 1 ? ',' : ''}${JSON.stringify(key)}:`)
    const length = Buffer.byteLength(JSON.stringify(object))
    index[key] = [at, length]
    at += length
  }
  return {index}
}
