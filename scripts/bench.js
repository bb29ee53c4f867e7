#!/usr/bin/env node
// `npm run bench`: start-up cost of kbe against bare Node, measured in one run. It builds the Services
// tutorial cluster in a temporary KBE_HOME (from the bundled specs, offline), then times whole-process
// runs of `node -e 0`, `kbe get pods` and `kbe iptables-save`, interleaved round by round so that machine
// noise hits all of them alike, and prints each median with its ratio to bare node.
// Options: --runs N (default 30).
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'bin', 'run.js')
const runsArg = process.argv.indexOf('--runs')
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 30

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kbe-bench-'))
const env = {...process.env, KBE_HOME: home, KBE_OFFLINE: '1', KBE_SEED: '1'}
delete env.KBE_NOW

function kbe(args) {
  const r = spawnSync(process.execPath, [bin, ...args], {env, encoding: 'utf8'})
  if (r.status !== 0) throw new Error(`kbe ${args.join(' ')} failed (${r.status}): ${r.stderr}`)
  return r.stdout
}

const base = 'https://raw.githubusercontent.com/mhausenblas/kbe/master/specs/services'
kbe(['create', '-f', `${base}/rc.yaml`])
kbe(['create', '-f', `${base}/svc.yaml`])
kbe(['scale', '--replicas=2', 'rc/rcsise'])

const cases = [
  {name: 'node -e 0', argv: ['-e', '0']},
  {name: 'kbe --version', argv: [bin, '--version']},
  {name: 'kbe get pods', argv: [bin, 'get', 'pods']},
  {name: 'kbe iptables-save', argv: [bin, 'iptables-save']},
]
const samples = cases.map(() => [])
for (let i = 0; i < 2; i++) for (const c of cases) spawnSync(process.execPath, c.argv, {env})
for (let round = 0; round < runs; round++) {
  cases.forEach((c, i) => {
    const start = process.hrtime.bigint()
    const r = spawnSync(process.execPath, c.argv, {env, stdio: 'ignore'})
    const ms = Number(process.hrtime.bigint() - start) / 1e6
    if (r.status !== 0) throw new Error(`${c.name} failed`)
    samples[i].push(ms)
  })
}
fs.rmSync(home, {recursive: true, force: true})

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const bare = median(samples[0])
console.log(`kbe start-up on Node ${process.version} (${os.cpus().length} cores), median of ${runs} interleaved runs`)
console.log('command'.padEnd(22) + 'median ms'.padStart(10) + 'x bare node'.padStart(13))
cases.forEach((c, i) => {
  const m = median(samples[i])
  console.log(c.name.padEnd(22) + m.toFixed(1).padStart(10) + (m / bare).toFixed(2).padStart(13))
})
