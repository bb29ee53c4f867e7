// describe node shows the kubelet's latest status report (every 5 minutes) and lease renewal (every
// 10 s), not the moment the node came up.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import {runKbe, tempHome} from '../helpers/kbe.js'

describe('describe node heartbeats', function () {
  this.timeout(30_000)
  it('follows the clock', async () => {
    const home = tempHome()
    try {
      await runKbe(['get', 'nodes'], {home, now: '2026-11-25T16:30:00Z', seed: 1})
      const r = await runKbe(['describe', 'node', 'minikube'], {home, now: '2026-11-25T17:43:27Z'})
      const lines = r.stdout.split('\n')
      assert.equal(lines.find((l) => l.startsWith('  RenewTime:')), '  RenewTime:       Wed, 25 Nov 2026 17:43:20 +0000')
      assert.equal(lines.find((l) => l.startsWith('  Ready ')), '  Ready            True    Wed, 25 Nov 2026 17:39:00 +0000   Wed, 25 Nov 2026 16:29:00 +0000   KubeletReady                 kubelet is posting ready status')
    } finally {
      fs.rmSync(home, {recursive: true, force: true})
    }
  })
})
