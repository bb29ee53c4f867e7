// bin/run.js on Node 20 compiles the bundle through a V8 code cache kept next to it. The cache must never
// change what kbe does: a run with no cache, with a fresh one, and with a corrupt or truncated one prints
// the same, and a bad cache is replaced. (Node 22+ uses module.enableCompileCache instead: nothing to check.)
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {ROOT, runKbe, tempHome} from '../helpers/kbe.js'

const caches = () => fs.readdirSync(path.join(ROOT, 'dist')).filter((f) => f.endsWith('.v8cache')).map((f) => path.join(ROOT, 'dist', f))

describe('reliability: the start-up code cache', function () {
  this.timeout(60_000)
  it('a missing, fresh, corrupt or truncated cache gives the same output', async function () {
    if (process.versions.node.split('.')[0] !== '20') this.skip()
    const home = tempHome('kbe-rel-cache-')
    try {
      const args = ['get', 'pods', '-A']
      const env = {home, now: '2026-11-25T16:30:00Z', seed: 9}
      for (const f of caches()) fs.rmSync(f, {force: true})
      const cold = await runKbe(args, env)
      assert.equal(cold.code, 0, cold.stderr)
      assert.equal(caches().length, 1, 'the first run writes the cache')
      const warm = await runKbe(args, env)
      assert.deepEqual(warm, {...cold, pid: warm.pid})
      for (const damage of [(b: Buffer) => Buffer.alloc(b.length, 7), (b: Buffer) => b.subarray(0, b.length >> 1), () => Buffer.alloc(0)]) {
        const [file] = caches()
        fs.writeFileSync(file, damage(fs.readFileSync(file)))
        const r = await runKbe(args, env)
        assert.deepEqual(r, {...cold, pid: r.pid})
        assert.ok(fs.statSync(caches()[0]).size > 1000, 'a rejected cache is rewritten')
      }
    } finally {
      fs.rmSync(home, {recursive: true, force: true})
    }
  })
})
