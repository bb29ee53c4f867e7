// The same commands run in-process (oclif's dispatcher in this process, the bundled commands) and as a
// subprocess of bin/run.js must print the same bytes and exit the same way; kubectl's global-flag order
// (`kbe -n kube-system get pods`) works in both.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import {runKbe, runKbeInProcess, tempHome, type KbeResult} from '../helpers/kbe.js'

const SPECS = 'https://raw.githubusercontent.com/mhausenblas/kbe/master/specs/services'
const STEPS: {args: string[]; now: string}[] = [
  {args: ['create', '-f', `${SPECS}/rc.yaml`, '-f', `${SPECS}/svc.yaml`], now: '2026-11-25T16:30:00Z'},
  {args: ['get', 'pods,svc,ep', '-o', 'wide'], now: '2026-11-25T16:31:00Z'},
  {args: ['-n', 'kube-system', 'get', 'pods'], now: '2026-11-25T16:31:00Z'},
  {args: ['--namespace=kube-system', 'describe', 'svc', 'kube-dns'], now: '2026-11-25T16:31:00Z'},
  {args: ['get', 'rc', 'rcsise', '-o', 'yaml'], now: '2026-11-25T16:31:00Z'},
  {args: ['get', 'pods', 'nope', '-o', 'name'], now: '2026-11-25T16:31:00Z'},
  {args: ['scale', 'rc', 'rcsise', '--replicas=3'], now: '2026-11-25T16:32:00Z'},
  {args: ['iptables-save', '-t', 'nat', '--style', 'modern'], now: '2026-11-25T16:33:00Z'},
  {args: ['delete', 'rc/rcsise', 'service/simpleservice'], now: '2026-11-25T16:34:00Z'},
]

async function replay(run: (args: string[], e: {home: string; now: string; seed: number}) => Promise<KbeResult>): Promise<KbeResult[]> {
  const home = tempHome()
  try {
    const results: KbeResult[] = []
    for (const step of STEPS) results.push(await run(step.args, {home, now: step.now, seed: 11}))
    return results
  } finally {
    fs.rmSync(home, {recursive: true, force: true})
  }
}

describe('in-process and subprocess runs agree', function () {
  this.timeout(60_000)
  it('prints the same bytes with the same exit codes', async () => {
    const sub = await replay(runKbe)
    const inProcess = await replay(runKbeInProcess)
    STEPS.forEach((step, i) => {
      assert.equal(inProcess[i].stdout, sub[i].stdout, `stdout of kbe ${step.args.join(' ')}`)
      assert.equal(inProcess[i].stderr, sub[i].stderr, `stderr of kbe ${step.args.join(' ')}`)
      assert.equal(inProcess[i].code, sub[i].code, `exit code of kbe ${step.args.join(' ')}`)
    })
    assert.equal(sub[5].stderr, 'Error from server (NotFound): pods "nope" not found\n')
    assert.equal(sub[5].code, 1)
    assert.equal(sub[2].stdout.split('\n')[0], 'NAME                       READY   STATUS    RESTARTS   AGE')
  })
})
