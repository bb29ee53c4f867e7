// Builds the large clusters the scale benchmark runs kbe against, in-process and through the model itself
// (dist/src, compiled by `npm run build`): `services` ReplicationControllers `app-<i>` of `podsPerService`
// nginx pods each, a Service `svc-<i>` selecting each, and one extra RC `scaler` at 1 replica for the
// scale test. The cluster is then moved 5 minutes on, so every pod is Running and Ready and every
// Endpoints object lists its pods, and saved into `home` as kbe would. Thousands of CLI calls would take
// far longer and measure the build, not the commands.
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
  const started = process.hrtime.bigint()
  const cluster = Cluster.bootstrap(new Date(BENCH_EPOCH), 1)
  for (let i = 0; i < services; i++) {
    cluster.create(rc(`app-${i}`, podsPerService))
    cluster.create(service(`svc-${i}`, `app-${i}`))
  }
  cluster.create(rc('scaler', 1))
  cluster.advanceTo(new Date(BENCH_EPOCH + 5 * 60_000))
  saveState(home, cluster.snapshot())
  return Number(process.hrtime.bigint() - started) / 1e6
}
