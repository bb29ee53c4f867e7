// `kbe apply -f` through the real bin/run.js: created / configured / unchanged, several sources (a folder,
// stdin, several -f), -n, the warning for objects made by create, a Service keeping its clusterIP, an RC
// taking its new replica count. Messages as the real kubectl v1.32 printed them against the oracle.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {runKbe, tempHome} from '../helpers/kbe.js'

const NOW = '2026-11-25T16:30:00Z'
const SVC = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 8080\n'
const RC = (replicas: number) => `apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: web\nspec:\n  replicas: ${replicas}\n  selector:\n    app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx\n`
const WARNING = (resource: string) => `Warning: resource ${resource} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`

describe('kbe apply', function () {
  this.timeout(60_000)
  let home: string
  let cwd: string
  const kbe = (args: string[], stdin?: string) => runKbe(args, {home, now: NOW, seed: 4, cwd, stdin})
  beforeEach(() => {
    home = tempHome()
    cwd = path.join(home, 'work')
    fs.mkdirSync(path.join(cwd, 'app'), {recursive: true})
    fs.writeFileSync(path.join(cwd, 'app', 'rc.yaml'), RC(1))
    fs.writeFileSync(path.join(cwd, 'app', 'svc.yaml'), SVC)
  })
  afterEach(() => fs.rmSync(home, {recursive: true, force: true}))

  const run = async (args: string[], stdin?: string) => {
    const r = await kbe(args, stdin)
    return [r.stdout, r.stderr, r.code]
  }

  it('creates, then leaves unchanged, every object of a folder', async () => {
    assert.deepEqual(await run(['apply', '-f', 'app']), ['replicationcontroller/web created\nservice/web created\n', '', 0])
    assert.deepEqual(await run(['apply', '-f', 'app']), ['replicationcontroller/web unchanged\nservice/web unchanged\n', '', 0])
  })

  it('takes several -f, stdin and -n', async () => {
    assert.deepEqual(await run(['create', 'namespace', 'test']), ['namespace/test created\n', '', 0])
    assert.deepEqual(await run(['apply', '-n', 'test', '-f', 'app/svc.yaml', '-f', '-'], RC(1)), ['service/web created\nreplicationcontroller/web created\n', '', 0])
    assert.deepEqual(await run(['get', 'rc,svc', '-n', 'test', '-o', 'name']), ['replicationcontroller/web\nservice/web\n', '', 0])
  })

  it('configures a changed object and keeps what the apiserver filled in', async () => {
    await run(['apply', '-f', 'app'])
    const ip = (await run(['get', 'svc', 'web', '-o', 'jsonpath={.spec.clusterIP}']))[0]
    fs.writeFileSync(path.join(cwd, 'app', 'rc.yaml'), RC(3))
    fs.writeFileSync(path.join(cwd, 'app', 'svc.yaml'), SVC.replace('targetPort: 8080', 'targetPort: 9090'))
    assert.deepEqual(await run(['apply', '-f', 'app']), ['replicationcontroller/web configured\nservice/web configured\n', '', 0])
    assert.deepEqual(await run(['get', 'svc', 'web', '-o', 'jsonpath={.spec.clusterIP} {.spec.ports[0].targetPort}']), [`${ip} 9090`, '', 0])
    assert.deepEqual(await run(['get', 'rc', 'web', '-o', 'jsonpath={.spec.replicas} {.metadata.generation}']), ['3 2', '', 0])
  })

  it('warns about an object made by create, and records the annotation', async () => {
    await run(['create', '-f', 'app/svc.yaml'])
    assert.deepEqual(await run(['apply', '-f', 'app/svc.yaml']), ['service/web configured\n', WARNING('services/web'), 0])
    assert.deepEqual(await run(['apply', '-f', 'app/svc.yaml']), ['service/web unchanged\n', '', 0])
  })

  it('scales a deployment through scale and apply', async () => {
    const url = 'https://raw.githubusercontent.com/openshift-evangelists/kbe/main/specs/deployments/d09.yaml'
    assert.deepEqual(await run(['apply', '-f', url]), ['deployment.apps/sise-deploy created\n', '', 0])
    assert.deepEqual(await run(['scale', 'deploy/sise-deploy', '--replicas=3']), ['deployment.apps/sise-deploy scaled\n', '', 0])
    assert.deepEqual(await run(['get', 'rs', '-o', 'jsonpath={.items[0].spec.replicas}']), ['3', '', 0])
    assert.deepEqual(await run(['apply', '-f', url]), ['deployment.apps/sise-deploy configured\n', '', 0])
    assert.deepEqual(await run(['get', 'rs', '-o', 'jsonpath={.items[0].spec.replicas}']), ['2', '', 0])
  })
})
