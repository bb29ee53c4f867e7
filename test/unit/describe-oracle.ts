// Dev tool, not a test: checks the describe cases against REAL kubectl. It copies the kubectl oracle
// (/work/shared/tools/kubectl-oracle/server.py) to a temp dir, seeds it with the objects of
// describe-cases.ts built at the real current time (plus EndpointSlices derived from the Endpoints of the
// services that have slices), runs `TZ=UTC kubectl describe …` for every case, and compares with kbe's
// rendering at the instants just before and after kubectl ran (ages are truncated to whole seconds),
// object by object.
// Usage: npx tsx test/unit/describe-oracle.ts [name-filter]   (uses port 18081 so it never blocks :8080)
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type {Endpoints, KubeObject} from '../../src/api/types.js'
import {buildDescribeCases} from './describe-cases.js'

const PORT = '18081'
const ORACLE = '/work/shared/tools/kubectl-oracle/server.py'
const SLICED = new Set(['simpleservice', 'npsvc', 'lbsvc', 'three-ready'])
const RESOURCES: Record<string, [string, string]> = {
  Pod: ['', 'pods'], Service: ['', 'services'], Endpoints: ['', 'endpoints'], EndpointSlice: ['discovery.k8s.io', 'endpointslices'],
  Event: ['', 'events'], Node: ['', 'nodes'], Namespace: ['', 'namespaces'], ReplicationController: ['', 'replicationcontrollers'],
  Lease: ['coordination.k8s.io', 'leases'], ResourceQuota: ['', 'resourcequotas'], LimitRange: ['', 'limitranges'],
  ReplicaSet: ['apps', 'replicasets'], Deployment: ['apps', 'deployments'],
}

function slicesOf(ep: Endpoints): KubeObject[] {
  const name = ep.metadata.name!
  const meta = (i: number) => ({name: `${name}-s${i}`, namespace: ep.metadata.namespace, uid: `uid-slice-${name}-${i}`, resourceVersion: '1',
    creationTimestamp: ep.metadata.creationTimestamp, labels: {'kubernetes.io/service-name': name, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io'}})
  const subsets = ep.subsets ?? []
  if (subsets.length === 0) return [{apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: meta(0), addressType: 'IPv4', endpoints: null, ports: null}]
  return subsets.map((s, i) => ({apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: meta(i), addressType: 'IPv4',
    endpoints: [...(s.addresses ?? []).map((a) => ({addresses: [a.ip], conditions: {ready: true}})),
      ...(s.notReadyAddresses ?? []).map((a) => ({addresses: [a.ip], conditions: {ready: false}}))],
    ports: (s.ports ?? []).map((p) => ({name: p.name ?? '', port: p.port, protocol: p.protocol}))}))
}

function prepareOracle(dir: string, objects: KubeObject[]): void {
  const server = fs.readFileSync(ORACLE, 'utf8').replace('("127.0.0.1", 8080)', `("127.0.0.1", ${PORT})`)
  fs.writeFileSync(path.join(dir, 'server.py'), server)
  const seeded = objects.map((o) => ({resource: RESOURCES[o.kind], object: o}))
  fs.writeFileSync(path.join(dir, 'objects.json'), JSON.stringify(seeded))
  fs.writeFileSync(path.join(dir, 'seed.py'), [
    'import json, os',
    'def seed(S):',
    '    for e in json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "objects.json"))):',
    '        S.put(e["resource"][0], e["resource"][1], e["object"])', ''].join('\n'))
}

const now = new Date(Math.floor(Date.now() / 1000) * 1000)
const {objects, cases} = buildDescribeCases(now)
const slices = objects.filter((o): o is Endpoints => o.kind === 'Endpoints' && SLICED.has(o.metadata.name!)).flatMap(slicesOf)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kbe-describe-oracle-'))
prepareOracle(dir, [...objects, ...slices])
const server = spawn('python3', ['server.py'], {cwd: dir, stdio: 'ignore'})
const kubectl = (args: string[]) => spawnSync('kubectl', ['-s', `http://127.0.0.1:${PORT}`, ...args], {env: {...process.env, TZ: 'UTC'}, encoding: 'utf8'})
try {
  for (let i = 0; i < 50 && kubectl(['get', '--raw', '/version']).status !== 0; i++) spawnSync('sleep', ['0.1'])
  kubectl(['api-resources'])
  let failed = 0
  for (const c of cases.filter((c) => !process.argv[2] || c.name.includes(process.argv[2]))) {
    const before = new Date()
    const result = kubectl(['describe', ...c.args])
    const after = new Date()
    // kubectl renders each object of a multi-object describe at its own instant: compare object by object.
    const objectsOf = (text: string) => text.split(/(?=^Name:)/m)
    const got = objectsOf(result.stdout)
    const candidates = [before, after].map((t) => objectsOf(c.render({now: t})))
    const ok = !result.stderr && candidates.every((r) => r.length === got.length) && got.every((text, i) => candidates.some((r) => r[i] === text))
    if (!ok) {
      failed++
      fs.writeFileSync(path.join(dir, `${c.name}.kubectl.txt`), result.stdout + result.stderr)
      fs.writeFileSync(path.join(dir, `${c.name}.kbe.txt`), c.render({now: before}))
    }
    console.log(`${ok ? 'same' : 'DIFF'}  kubectl describe ${c.args.join(' ')}`)
  }
  console.log(failed === 0 ? `all ${cases.length} cases match real kubectl` : `${failed} differ; outputs kept in ${dir}`)
  if (failed === 0) fs.rmSync(dir, {recursive: true})
} finally {
  server.kill()
}
