// kbe killed with SIGKILL at random moments while it writes, many times: afterwards the state file always
// loads and is byte for byte either the state before the command or the state the command produces when
// it runs to the end (computed first on a copy, with the same pinned clock). A killed writer leaves no
// lock that blocks the next command and no temporary files behind once the next writer has run.
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {BIN, runKbe, tempHome} from '../helpers/kbe.js'

function podsYaml(prefix: string, count: number): string {
  return Array.from({length: count}, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${prefix}-${i}\nspec:\n  containers:\n  - name: c\n    image: nginx\n`).join('---\n')
}

const COMMANDS = (round: number, file: string): string[] => {
  switch (round % 4) {
    case 0: return ['create', '-f', file]
    case 1: return ['scale', '--replicas=12', 'rc/web']
    case 2: return ['delete', 'pods', '--all']
    default: return ['scale', '--replicas=3', 'rc/web']
  }
}

describe('reliability: SIGKILL during writes', function () {
  this.timeout(240_000)
  it('leaves the old state or the new one, never anything else (24 kills)', async () => {
    const home = tempHome('kbe-rel-kill-')
    const reference = tempHome('kbe-rel-kill-ref-')
    const state = path.join(home, 'cluster.json')
    try {
      const rc = path.join(home, 'rc.yaml')
      fs.writeFileSync(rc, 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: c\n        image: nginx\n')
      assert.equal((await runKbe(['create', '-f', rc], {home, now: '2026-11-25T16:00:00Z', seed: 3})).code, 0)
      let x = 2026
      const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
      const outcomes = {old: 0, new: 0}
      for (let round = 0; round < 24; round++) {
        const now = new Date(Date.parse('2026-11-25T16:00:00Z') + (round + 1) * 20_000).toISOString().replace('.000', '')
        const file = path.join(home, `pods-${round}.yaml`)
        fs.writeFileSync(file, podsYaml(`r${round}`, 15))
        const args = COMMANDS(round, file)
        const before = fs.readFileSync(state)
        fs.writeFileSync(path.join(reference, 'cluster.json'), before)
        const done = await runKbe(args, {home: reference, now})
        assert.equal(done.code, 0, done.stderr)
        const after = fs.readFileSync(path.join(reference, 'cluster.json'))
        const env: NodeJS.ProcessEnv = {...process.env, KBE_HOME: home, KBE_OFFLINE: '1', KBE_NOW: now}
        delete env.KBE_SEED
        const child = spawn(process.execPath, [BIN, ...args], {env, stdio: 'ignore'})
        const exited = new Promise((resolve) => child.on('exit', resolve))
        const delay = 40 + Math.floor(next() * 360)
        await new Promise((resolve) => setTimeout(resolve, delay))
        child.kill('SIGKILL')
        await exited
        const now2 = fs.readFileSync(state)
        const which = now2.equals(before) ? 'old' : now2.equals(after) ? 'new' : 'neither'
        assert.notEqual(which, 'neither', `round ${round} (${args.join(' ')}, killed after ${delay} ms): state is neither old nor new`)
        outcomes[which as 'old' | 'new']++
        const r = await runKbe(['get', 'pods', '-o', 'name'], {home, now})
        assert.equal(r.code, 0, `round ${round}: ${r.stderr}`)
      }
      // Both outcomes happen, or the kill points were not spread over the write.
      assert.ok(outcomes.old > 0 && outcomes.new > 0, JSON.stringify(outcomes))
      // The next writer takes over a dead writer's lock and clears its temporary files.
      const last = await runKbe(['scale', '--replicas=1', 'rc/web'], {home, now: '2026-11-25T16:10:00Z'})
      assert.equal(last.code, 0, last.stderr)
      assert.deepEqual(fs.readdirSync(home).filter((f) => f.endsWith('.tmp') || f.includes('lock')), [])
    } finally {
      fs.rmSync(home, {recursive: true, force: true})
      fs.rmSync(reference, {recursive: true, force: true})
    }
  })
})
