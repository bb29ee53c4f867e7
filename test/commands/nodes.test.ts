// The Nodes page's node: `get nodes [-o wide]` for the simulated minikube node, and a pod whose
// nodeSelector fits no node staying Pending until `label nodes` makes it fit, when the scheduler binds it.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import {runKbe, tempHome} from '../helpers/kbe.js'

const SPECS = 'https://raw.githubusercontent.com/mhausenblas/kbe/master/specs'

describe('nodes', function () {
  this.timeout(60_000)
  let home: string
  const kbe = (args: string[], now: string) => runKbe(args, {home, now, seed: 3})
  before(() => {
    home = tempHome()
  })
  after(() => fs.rmSync(home, {recursive: true, force: true}))

  it('lists the node, with the wide columns', async () => {
    const wide = await kbe(['get', 'nodes', '-o', 'wide'], '2026-11-25T16:30:00Z')
    assert.equal(wide.stdout, `NAME       STATUS   ROLES           AGE   VERSION   INTERNAL-IP      EXTERNAL-IP   OS-IMAGE              KERNEL-VERSION   CONTAINER-RUNTIME
minikube   Ready    control-plane   60s   v1.32.0   192.168.99.100   <none>        Buildroot 2023.02.9   5.10.207         docker://27.4.0
`)
  })

  it('a pod with an unmatched nodeSelector runs once the node is labeled', async () => {
    assert.equal((await kbe(['create', '-f', `${SPECS}/nodes/pod.yaml`], '2026-11-25T16:30:00Z')).stdout, 'pod/onspecificnode created\n')
    assert.equal((await kbe(['get', 'pods'], '2026-11-25T16:31:00Z')).stdout, 'NAME             READY   STATUS    RESTARTS   AGE\nonspecificnode   0/1     Pending   0          60s\n')
    const describe = await kbe(['describe', 'pod', 'onspecificnode'], '2026-11-25T16:31:00Z')
    const lines = describe.stdout.split('\n')
    assert.deepEqual(lines.slice(lines.indexOf('Events:')), [
      'Events:',
      '  Type     Reason            Age   From               Message',
      '  ----     ------            ----  ----               -------',
      "  Warning  FailedScheduling  60s   default-scheduler  0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
      '',
    ])
    assert.equal((await kbe(['label', 'nodes', 'minikube', 'shouldrun=here'], '2026-11-25T16:31:00Z')).stdout, 'node/minikube labeled\n')
    const wide = await kbe(['get', 'pods', '-o', 'wide'], '2026-11-25T16:31:10Z')
    assert.equal(wide.stdout, `NAME             READY   STATUS    RESTARTS   AGE   IP           NODE       NOMINATED NODE   READINESS GATES
onspecificnode   1/1     Running   0          70s   172.17.0.3   minikube   <none>           <none>
`)
  })
})
