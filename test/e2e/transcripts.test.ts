// Replays every tutorial transcript in test/e2e/*.txt against a fresh cluster (pinned seed and clock,
// the real bin/run.js as a subprocess) and compares the whole text. UPDATE_GOLDEN=1 rewrites them.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {replayTranscript} from '../helpers/transcript.js'

const folder = path.dirname(fileURLToPath(import.meta.url))
const files = fs.readdirSync(folder).filter((f) => f.endsWith('.txt')).sort()

describe('tutorial transcripts', function () {
  this.timeout(120_000)
  for (const file of files) {
    it(file, async () => {
      const {expected, actual} = await replayTranscript(path.join(folder, file))
      if (process.env.UPDATE_GOLDEN === '1') return
      assert.equal(actual, expected, `transcript ${file} differs\n--- full actual output ---\n${actual}`)
    })
  }
})
