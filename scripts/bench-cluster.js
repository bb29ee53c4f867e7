// Builds the large clusters the scale benchmark runs kbe against, in-process and through the model itself
// (dist/src, compiled by `npm run build`): `services` ReplicationControllers `app-<i>` of `podsPerService`
// nginx pods each, a Service `svc-<i>` selecting each, and one extra RC `scaler` at 1 replica for the
// scale test. The model builds the first service, its RC and pods (moved 5 minutes on, so every pod is
// Running and Ready and the Endpoints list them) plus `scaler`; the other services are copies of that
// unit with their own names, uids, pod IPs and cluster IPs (copying text is much faster than playing every
// pod's kubelet steps through the model), settled by one full controller resync. The state is saved as kbe saves it.
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const load = (p) => import(pathToFileURL(path.join(root, 'dist', 'src', p)).href)

export const BENCH_EPOCH = Date.parse('2026-11-25T16:00:00Z')
/** The instant benchmark commands run at (the state is settled by then; events have not expired). */
export const BENCH_NOW = '2026-11-25T16:06:00Z'

function rc(name, replicas) {
  return {
    apiVersion: 'v1', kind: 'ReplicationController', metadata: {name, namespace: 'default'},
    spec: {replicas, selector: {app: name}, template: {metadata: {labels: {app: name}},
      spec: {containers: [{name: 'web', image: 'nginx', ports: [{containerPort: 80}]}]}}},
  }
}

function service(name, app) {
  return {apiVersion: 'v1', kind: 'Service', metadata: {name, namespace: 'default'}, spec: {selector: {app}, ports: [{port: 80, targetPort: 80}]}}
}

/** Builds and saves a cluster of `services` × `podsPerService` pods; returns the build time in ms. */
export async function buildCluster(home, services, podsPerService = 10) {
  const {Cluster} = await load('cluster/cluster.js')
  const {saveState} = await load('io/state-file.js')
  const {dropCaches} = await load('controllers/work-queue.js')
  const started = process.hrtime.bigint()
  const cluster = Cluster.bootstrap(new Date(BENCH_EPOCH), 1)
  cluster.create(rc('app-0', podsPerService))
  cluster.create(service('svc-0', 'app-0'))
  cluster.create(rc('scaler', 1))
  cluster.advanceTo(new Date(BENCH_EPOCH + 5 * 60_000))
  const state = cluster.snapshot()
  const unit = unitTemplate(state)
  for (let i = 1; i < services; i++) copyUnit(state, unit, i, podsPerService)
  // The copies' Endpoints list their new addresses in the unit's order, not sorted by IP as the endpoints
  // controller writes them: one full resync settles the cluster, as every cluster kbe saves is settled.
  // Then a snapshot of the whole cluster again: what the state keeps about its events covers the copies too.
  const copied = new Cluster(state)
  dropCaches(copied.store)
  copied.settle()
  saveState(home, copied.snapshot())
  return Number(process.hrtime.bigint() - started) / 1e6
}

const ip = (base, n) => `${base}.${(n >> 8) & 255}.${n & 255}`

/** Returns the app-0/svc-0 unit as JSON text, with the uids, pod IPs and cluster IP to replace in copies. */
function unitTemplate(state) {
  const unit = {}
  const belongs = (o) => o.metadata.namespace === 'default' && /^(app-0|svc-0)([-.]|$)/.test(o.metadata.name)
  for (const [resource, bucket] of Object.entries(state.objects)) {
    for (const [key, obj] of Object.entries(bucket)) if (belongs(obj) || (resource === 'events' && /^(app-0|svc-0)/.test(obj.involvedObject.name))) (unit[resource] ??= {})[key] = obj
  }
  const runtime = Object.fromEntries(Object.entries(state.runtime).filter(([, rt]) => rt.name.startsWith('app-0-')))
  const text = JSON.stringify({unit, runtime})
  return {
    text,
    uids: [...new Set(text.match(/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}/g))],
    podIPs: [...new Set(Object.values(runtime).map((rt) => rt.ip))],
    clusterIP: state.objects.services['default/svc-0'].spec.clusterIP,
  }
}

/** Adds copy `i` of the unit: every name, uid and address in it replaced by a fresh one. */
function copyUnit(state, unit, i, podsPerService) {
  let text = unit.text
  for (const uid of unit.uids) text = text.replaceAll(uid, `${uid.slice(0, 24)}${i.toString(16).padStart(12, '0')}`)
  // Pod addresses past the unit's own, 172.17.<hi>.<lo> (in a /16 every such address is a host address).
  unit.podIPs.forEach((old, k) => { text = text.replaceAll(`"${old}"`, `"${ip('172.17', 16 + i * podsPerService + k)}"`) })
  text = text.replaceAll(`"${unit.clusterIP}"`, `"${ip('172.30', 4096 + i)}"`)
  text = text.replace(/\b(app|svc)-0\b/g, `$1-${i}`)
  const copy = JSON.parse(text)
  for (const [resource, bucket] of Object.entries(copy.unit)) for (const obj of Object.values(bucket)) state.objects[resource][`default/${obj.metadata.name}`] = obj
  Object.assign(state.runtime, copy.runtime)
}
