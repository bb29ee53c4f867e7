// The README's Services walkthrough is kbe's real output: it must equal the transcript test's text
// (commands and outputs, `@wait` shown as "# … later" comments), so the two can't drift apart.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {ROOT} from '../helpers/kbe.js'

describe('README', () => {
  it('shows the Services transcript verbatim', () => {
    const transcript = fs.readFileSync(path.join(ROOT, 'test', 'e2e', 'services-classic.txt'), 'utf8')
    const expected = transcript.split('\n')
      .filter((l) => !/^@(#|seed|now)/.test(l))
      .map((l) => (l.startsWith('@wait ') ? `# … ${l.slice(6)} later` : l))
      .join('\n').trimEnd()
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    const marker = "as they would on a real cluster).\n\n```\n"
    const start = readme.indexOf(marker)
    assert.ok(start > 0, 'README walkthrough block not found')
    const body = readme.slice(start + marker.length, readme.indexOf('\n```\n', start + marker.length))
    assert.equal(body, expected)
  })
})
