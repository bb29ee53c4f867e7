// The model stays pure and deterministic (style guide): outside src/cli and src/io nothing reads the
// clock or the environment, draws Math.random, prints, touches the filesystem or imports oclif. This test
// reads the sources and fails on any such use, as a lint rule would.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {ROOT} from '../helpers/kbe.js'

const BANNED: {pattern: RegExp; what: string}[] = [
  {pattern: /\bDate\.now\(/, what: 'Date.now()'},
  {pattern: /new Date\(\)/, what: 'new Date() without an argument'},
  {pattern: /\bMath\.random\(/, what: 'Math.random()'},
  {pattern: /\brandomUUID\(/, what: 'crypto.randomUUID()'},
  {pattern: /\bprocess\.(env|stdout|stderr|exit|argv|cwd)\b/, what: 'process'},
  {pattern: /\bconsole\./, what: 'console'},
  {pattern: /from 'node:fs'|from 'fs'/, what: 'node:fs'},
  {pattern: /from '@oclif\//, what: '@oclif'},
]

function sources(dir: string): string[] {
  return fs.readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return ['cli', 'io'].includes(e.name) && dir.endsWith('src') ? [] : sources(p)
    return p.endsWith('.ts') ? [p] : []
  })
}

describe('model purity', () => {
  it('src/ outside cli/ and io/ uses no clock, randomness, process, console, fs or oclif', () => {
    const problems: string[] = []
    for (const file of sources(path.join(ROOT, 'src'))) {
      fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (/^\s*(\/\/|\*)/.test(line)) return
        for (const b of BANNED) if (b.pattern.test(line)) problems.push(`${path.relative(ROOT, file)}:${i + 1}: ${b.what}`)
      })
    }
    assert.deepEqual(problems, [])
  })
})
