// Rollouts through the real bin/run.js: `rollout status` on the real clock (it sleeps through the
// simulated rollout and ends once it is done), the change-cause column of `rollout history` (the
// Deployment's annotation is copied to the ReplicaSet of each revision), and undo to the previous one.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {runKbe, tempHome} from '../helpers/kbe.js'

const MANIFEST = (version: string, cause: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    kubernetes.io/change-cause: ${cause}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:${version}
`

describe('kbe rollout', function () {
  this.timeout(60_000)
  let home: string
  let cwd: string
  before(() => {
    home = tempHome()
    cwd = path.join(home, 'work')
    fs.mkdirSync(cwd)
    fs.writeFileSync(path.join(cwd, 'v1.yaml'), MANIFEST('1.25', 'first'))
    fs.writeFileSync(path.join(cwd, 'v2.yaml'), MANIFEST('1.26', 'second'))
  })
  after(() => fs.rmSync(home, {recursive: true, force: true}))

  it('status on the real clock waits for the simulated rollout', async () => {
    const kbe = (args: string[]) => runKbe(args, {home, cwd, seed: 2})
    assert.equal((await kbe(['apply', '-f', 'v1.yaml'])).stdout, 'deployment.apps/web created\n')
    const started = Date.now()
    const r = await kbe(['rollout', 'status', 'deployment/web'])
    assert.equal(r.code, 0, r.stderr)
    assert.ok(r.stdout.endsWith('deployment "web" successfully rolled out\n'), r.stdout)
    assert.ok(Date.now() - started < 30_000)
  })

  it('history shows each revision\'s change-cause; undo goes back one revision', async () => {
    const kbe = (args: string[]) => runKbe(args, {home, cwd, seed: 2})
    assert.equal((await kbe(['apply', '-f', 'v2.yaml'])).stdout, 'deployment.apps/web configured\n')
    assert.equal((await kbe(['rollout', 'history', 'deploy', 'web'])).stdout, 'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         first\n2         second\n\n')
    assert.equal((await kbe(['rollout', 'undo', 'deploy/web'])).stdout, 'deployment.apps/web rolled back\n')
    assert.equal((await kbe(['rollout', 'history', 'deploy/web'])).stdout, 'deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         second\n3         first\n\n')
    const revision = await kbe(['rollout', 'history', 'deploy/web', '--revision=3'])
    assert.equal(revision.stdout, 'deployment.apps/web with revision #3\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=544c4bf578\n  Annotations:\tkubernetes.io/change-cause: first\n' +
      '  Containers:\n   web:\n    Image:\tnginx:1.25\n    Port:\t<none>\n    Host Port:\t<none>\n    Environment:\t<none>\n    Mounts:\t<none>\n' +
      '  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n\n')
    assert.equal((await kbe(['get', 'deploy', 'web', '-o', 'jsonpath={.metadata.annotations.kubernetes\\.io/change-cause}'])).stdout, 'first')
  })
})
