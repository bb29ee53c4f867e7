#!/usr/bin/env node
// `npm run bench`: start-up cost of kbe against bare Node, measured in one run. It builds the Services
// tutorial cluster in a temporary KBE_HOME (from the bundled specs, offline), then times whole-process
// runs of `node -e 0`, `kbe get pods` and `kbe iptables-save`, interleaved round by round so that machine
// noise hits all of them alike, and prints each median with its ratio to bare node. Then the scale table
// (bench-scale.js): 100 / 1,000 / 10,000 pods, time, peak memory, state size and growth per 10×.
// Options: --runs N (start-up runs, default 30), --scale-runs N (default 3), --quick (10 and 1),
// --no-scale (start-up table only), --sizes 10,100 (service counts of the scale table).
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {runScaleBench} from './bench-scale.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'bin', 'run.js')

const option = (name, fallback) => {
  const at = process.argv.indexOf(name)
  return at > 0 ? process.argv[at + 1] : fallback
}
const quick = process.argv.includes('--quick')
const runs = Number(option('--runs', quick ? 10 : 30))
const scaleRuns = Number(option('--scale-runs', quick ? 1 : 3))
const sizes = option('--sizes', '10,100,1000').split(',').map(Number)

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

if (!process.argv.includes('--no-scale')) await runScaleBench({sizes, runs: scaleRuns})
