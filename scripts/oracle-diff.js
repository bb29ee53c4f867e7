#!/usr/bin/env node
// Development check, not a test dependency: diffs kbe's describe and -o yaml/json against the REAL kubectl
// on the very same objects. It exports every object of the cluster in $KBE_HOME (default ~/.kbe), loads
// them into a private copy of ../shared/tools/kubectl-oracle (a stand-in API server on 127.0.0.1), runs
// `kubectl describe|get -o yaml` there and `kbe describe|get -o yaml` here at the same instant, and
// reports every difference. Needs python3 and /usr/bin/kubectl.
//   node scripts/oracle-diff.js [--oracle ../shared/tools/kubectl-oracle] [--port 18111]
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt)
const oracle = path.resolve(arg('--oracle', path.join(root, '..', 'shared', 'tools', 'kubectl-oracle')))
const port = Number(arg('--port', '18111'))
const bin = path.join(root, 'bin', 'run.js')

const KINDS = [
  ['', 'namespaces', false], ['', 'nodes', false], ['', 'pods', true], ['', 'services', true],
  ['', 'replicationcontrollers', true], ['', 'endpoints', true], ['', 'events', true],
  ['apps', 'deployments', true], ['apps', 'replicasets', true],
]
const DESCRIBED = new Set(['namespaces', 'nodes', 'pods', 'services', 'replicationcontrollers', 'endpoints', 'deployments', 'replicasets'])

function kbe(args, now) {
  const env = {...process.env, TZ: 'UTC', ...(now ? {KBE_NOW: now} : {})}
  return spawnSync(process.execPath, [bin, ...args], {env, encoding: 'utf8'})
}

const exported = []
for (const [group, resource] of KINDS) {
  const r = kbe(['get', resource, '-A', '-o', 'json'])
  if (r.status !== 0) throw new Error(r.stderr)
  for (const item of JSON.parse(r.stdout).items) exported.push({group, resource, object: item})
}

// kbe keeps no EndpointSlices (describe svc reads the Endpoints object instead); the oracle's kubectl
// reads slices, so hand it the slices the EndpointSlice controller would have made from the same data.
for (const {object: ep} of exported.filter((e) => e.resource === 'endpoints')) {
  const svc = exported.find((e) => e.resource === 'services' && e.object.metadata.name === ep.metadata.name && e.object.metadata.namespace === ep.metadata.namespace)
  if (!svc) continue
  for (const [i, subset] of (ep.subsets ?? [{}]).entries()) {
    const endpoints = [...(subset.addresses ?? []).map((a) => [a, true]), ...(subset.notReadyAddresses ?? []).map((a) => [a, false])]
      .map(([a, ready]) => ({addresses: [a.ip], conditions: {ready, serving: ready, terminating: false}, nodeName: a.nodeName, targetRef: a.targetRef}))
    exported.push({group: 'discovery.k8s.io', resource: 'endpointslices', object: {
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4', endpoints,
      ports: (subset.ports ?? []).map((p) => ({name: p.name ?? '', port: p.port, protocol: p.protocol})),
      metadata: {name: `${ep.metadata.name}-slice${i}`, namespace: ep.metadata.namespace, labels: {'kubernetes.io/service-name': ep.metadata.name}},
    }})
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kbe-oracle-'))
fs.copyFileSync(path.join(oracle, 'server.py'), path.join(dir, 'server.py'))
const server = fs.readFileSync(path.join(dir, 'server.py'), 'utf8').replace('("127.0.0.1", 8080)', `("127.0.0.1", ${port})`)
fs.writeFileSync(path.join(dir, 'server.py'), server)
fs.writeFileSync(path.join(dir, 'objects.json'), JSON.stringify(exported))
fs.writeFileSync(path.join(dir, 'seed.py'), [
  'import json, os',
  'def seed(S):',
  '    for e in json.load(open(os.path.join(os.path.dirname(__file__), "objects.json"))):',
  '        S.put(e["group"], e["resource"], e["object"])',
  '',
].join('\n'))
const child = spawn('python3', ['server.py'], {cwd: dir, stdio: 'ignore'})

async function waitForPort() {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => { s.end(); resolve(true) })
      s.on('error', () => resolve(false))
    })
    if (ok) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`the oracle did not start on 127.0.0.1:${port}`)
}

let differences = 0
let compared = 0
function compare(label, kubectlArgs, kbeArgs) {
  const now = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString()
  const want = spawnSync('kubectl', ['-s', `http://127.0.0.1:${port}`, ...kubectlArgs], {encoding: 'utf8', env: {...process.env, TZ: 'UTC'}})
  const got = kbe(kbeArgs, now)
  compared++
  if (want.stdout === got.stdout) return
  differences++
  const a = want.stdout.split('\n')
  const b = got.stdout.split('\n')
  const i = a.findIndex((line, k) => line !== b[k])
  console.log(`DIFF ${label}: first difference at line ${i + 1}\n  kubectl: ${JSON.stringify(a[i])}\n  kbe:     ${JSON.stringify(b[i])}`)
}

try {
  await waitForPort()
  for (const {resource, object} of exported.filter((e) => e.resource !== 'endpointslices')) {
    const ns = object.metadata.namespace ? ['-n', object.metadata.namespace] : []
    const name = object.metadata.name
    if (DESCRIBED.has(resource)) compare(`describe ${resource} ${name}`, ['describe', resource, name, ...ns], ['describe', resource, name, ...ns])
    if (resource !== 'events') compare(`get ${resource} ${name} -o yaml`, ['get', resource, name, ...ns, '-o', 'yaml'], ['get', resource, name, ...ns, '-o', 'yaml'])
  }
  console.log(`${compared} outputs compared with the real kubectl, ${differences} differ`)
} finally {
  child.kill()
  fs.rmSync(dir, {recursive: true, force: true})
}
process.exitCode = differences ? 1 : 0
