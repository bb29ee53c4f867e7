#!/usr/bin/env node
// `npm run walkthrough [-- page]`: runs a tutorial page (default: Services) step by step on a fresh
// built-in cluster in a temporary KBE_HOME, printing each `$ kbe …` command and kbe's real output.
// The steps are the ones of the page's transcript in test/e2e/<page>.txt; `@wait` lines move kbe's
// clock forward (KBE_NOW) instead of sleeping, so the pods are up when the page says they are.
// Spec URLs are fetched for real; without a network kbe serves its bundled copies and says so.
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const page = process.argv[2] ?? 'services-classic'
const file = path.join(root, 'test', 'e2e', `${page}.txt`)
if (!fs.existsSync(file)) {
  const pages = fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4))
  console.error(`no walkthrough "${page}"; available: ${pages.join(', ')}`)
  process.exit(1)
}
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kbe-walkthrough-'))
let now = Date.now()
let seed
const units = {ms: 1, s: 1000, m: 60_000, h: 3_600_000}
for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
  if (line.startsWith('@seed ')) seed = line.slice(6).trim()
  if (line.startsWith('@wait ')) {
    const [, n, unit] = /^@wait (\d+)(ms|s|m|h)$/.exec(line.trim()) ?? []
    now += Number(n) * units[unit]
    console.log(`\n# … ${line.slice(6)} later`)
  }
  if (!line.startsWith('$ kbe ')) continue
  const [command, ...pipes] = line.slice(2).split(' | ')
  const args = [...command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]).slice(1)
  const env = {...process.env, KBE_HOME: home, KBE_NOW: new Date(now).toISOString(), ...(seed ? {KBE_SEED: seed} : {})}
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'run.js'), ...args], {env, encoding: 'utf8'})
  let out = r.stdout
  for (const pipe of pipes) {
    const pattern = pipe.replace(/^grep\s+/, '')
    out = out.split('\n').filter((l) => l.includes(pattern)).map((l) => `${l}\n`).join('')
  }
  console.log(`\n${line}`)
  process.stdout.write(out + r.stderr)
}
fs.rmSync(home, {recursive: true, force: true})
