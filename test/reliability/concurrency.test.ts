// Many terminals at once: 16 kbe processes create ReplicationControllers and Services, then 16 more
// create, scale and delete concurrently. Afterwards nothing is lost (every surviving RC has its pods),
// nothing is left behind (no pod without a living owner), no address is handed out twice, and the
// state loads. The writers' lock serializes the writes; this checks it under real contention.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {runKbe, tempHome} from '../helpers/kbe.js'

const T0 = '2026-11-25T16:30:00Z'
const T1 = '2026-11-25T16:31:00Z'
const LATER = '2026-11-25T16:40:00Z'

function rcYaml(name: string, replicas: number): string {
  return `apiVersion: v1
kind: ReplicationController
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: web
        image: nginx
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
  - port: 80
`
}

interface Item {metadata: {name: string; uid: string; ownerReferences?: {uid: string}[]; deletionTimestamp?: string}; spec: {replicas?: number; clusterIP?: string}; status?: {podIP?: string}}

async function list(home: string, resource: string): Promise<Item[]> {
  const r = await runKbe(['get', resource, '-o', 'json'], {home, now: LATER})
  assert.equal(r.code, 0, r.stderr)
  return JSON.parse(r.stdout).items as Item[]
}

describe('reliability: concurrent kbe processes', function () {
  this.timeout(180_000)
  let home: string
  before(() => {
    home = tempHome('kbe-rel-conc-')
  })
  after(() => fs.rmSync(home, {recursive: true, force: true}))

  it('lose nothing, orphan nothing and never hand out an address twice', async () => {
    await runKbe(['get', 'ns'], {home, now: T0, seed: 7})
    const file = (name: string, replicas: number) => {
      const f = path.join(home, `${name}.yaml`)
      fs.writeFileSync(f, rcYaml(name, replicas))
      return f
    }
    const first = await Promise.all(Array.from({length: 16}, (_, i) => runKbe(['create', '-f', file(`rc${i}`, 2)], {home, now: T0})))
    first.forEach((r) => assert.equal(r.code, 0, r.stderr))
    // Wave 2: per i, one of create-new / scale / delete / scale-to-zero, all at once.
    const expected = new Map<string, number>()
    const wave = Array.from({length: 16}, (_, i) => {
      switch (i % 4) {
        case 0:
          expected.set(`rc${i}`, 2)
          expected.set(`new${i}`, 3)
          return runKbe(['create', '-f', file(`new${i}`, 3)], {home, now: T1})
        case 1:
          expected.set(`rc${i}`, 4)
          return runKbe(['scale', '--replicas=4', `rc/rc${i}`], {home, now: T1})
        case 2:
          return runKbe(['delete', 'rc', `rc${i}`], {home, now: T1})
        default:
          expected.set(`rc${i}`, 0)
          return runKbe(['scale', '--replicas=0', `rc/rc${i}`], {home, now: T1})
      }
    })
    for (const r of await Promise.all(wave)) assert.equal(r.code, 0, r.stderr)

    const rcs = await list(home, 'rc')
    assert.deepEqual(rcs.map((rc) => rc.metadata.name).sort(), [...expected.keys()].sort())
    for (const rc of rcs) assert.equal(rc.spec.replicas, expected.get(rc.metadata.name), rc.metadata.name)
    const pods = (await list(home, 'pods')).filter((p) => !p.metadata.deletionTimestamp)
    const owners = new Map(rcs.map((rc) => [rc.metadata.uid, rc.metadata.name]))
    const perOwner = new Map<string, number>()
    for (const pod of pods) {
      const owner = owners.get(pod.metadata.ownerReferences?.[0]?.uid ?? '')
      assert.ok(owner, `orphan pod ${pod.metadata.name}`)
      perOwner.set(owner, (perOwner.get(owner) ?? 0) + 1)
    }
    for (const [name, replicas] of expected) assert.equal(perOwner.get(name) ?? 0, replicas, `pods of ${name}`)
    const ips = pods.map((p) => p.status?.podIP)
    assert.ok(ips.every(Boolean), 'every pod has an IP after 9 minutes')
    assert.equal(new Set(ips).size, ips.length, `duplicate pod IPs: ${ips.join(' ')}`)
    const vips = (await list(home, 'svc')).map((s) => s.spec.clusterIP)
    assert.equal(new Set(vips).size, vips.length, `duplicate VIPs: ${vips.join(' ')}`)
    assert.equal(vips.length, 16 + 4 + 1 - 0)
    assert.deepEqual(fs.readdirSync(home).filter((f) => f.includes('lock')), [], 'no lock left behind')
  })
})
