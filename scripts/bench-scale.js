// The scale half of `npm run bench`: kbe against clusters of 100 / 1,000 / 10,000 pods behind 10 / 100 /
// 1,000 services (10 endpoints each, built by bench-cluster.js). For every size it times whole-process
// runs of the commands a teacher uses at scale — each mutating one on a fresh copy of the state, and the
// first read after a scale, which plays five minutes of kubelet work for the new pods — and
// records the median wall time, the peak memory (max RSS from /usr/bin/time, else from a wrapper that
// reads process.resourceUsage()), and the state-file size; then prints how each figure grows per 10×.
// Where iptables and root are available it also times iptables-restore of kbe's rules for the largest
// cluster inside a network namespace it creates and deletes.
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {BENCH_NOW, buildCluster} from './bench-cluster.js'

/** When the read that follows a scale runs. */
const BENCH_LATER = new Date(Date.parse(BENCH_NOW) + 5 * 60_000).toISOString().replace('.000Z', 'Z')

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'bin', 'run.js')
const hasTime = fs.existsSync('/usr/bin/time')
/** A command slower than this is reported as such and not run again (the table must finish). */
const TIMEOUT_MS = 90_000

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/** The commands timed at each size; `pods` is the size's pod count. */
function commands(pods) {
  return [
    {name: 'get pods', args: ['get', 'pods']},
    {name: 'get pods -o json', args: ['get', 'pods', '-o', 'json']},
    {name: 'describe svc', args: ['describe', 'svc', 'svc-0']},
    {name: 'iptables-save', args: ['iptables-save']},
    {name: `scale rc 1→N`, args: ['scale', `--replicas=${pods}`, 'rc/scaler'], writes: true},
    {name: 'delete rc --all', args: ['delete', 'rc', '--all'], writes: true},
    // The read after a scale moves the cluster 5 minutes on: every new pod is scheduled, pulled, started.
    {name: 'next get after scale', args: ['get', 'pods'], writes: true, before: ['scale', `--replicas=${pods}`, 'rc/scaler'], now: BENCH_LATER},
  ]
}

/**
 * Runs kbe once in `home`; returns wall ms, peak RSS in MB and the output (only when `keepOutput`: timed
 * runs write stdout to /dev/null, as `> file` would, so the time is kbe's and not this script's reading).
 */
function runOnce(home, args, now = BENCH_NOW, keepOutput = false) {
  const env = {...process.env, KBE_HOME: home, KBE_NOW: now, KBE_OFFLINE: '1', TZ: 'UTC'}
  const argv = hasTime ? ['/usr/bin/time', '-f', '%M', process.execPath, bin, ...args] : [process.execPath, path.join(root, 'scripts', 'bench-rss.js'), bin, ...args]
  const devNull = keepOutput ? undefined : fs.openSync('/dev/null', 'w')
  const start = process.hrtime.bigint()
  let r
  try {
    r = spawnSync(argv[0], argv.slice(1), {env, encoding: 'utf8', maxBuffer: 1 << 30, timeout: TIMEOUT_MS, killSignal: 'SIGKILL', stdio: ['ignore', devNull ?? 'pipe', 'pipe']})
  } finally {
    if (devNull !== undefined) fs.closeSync(devNull)
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (r.error?.code === 'ETIMEDOUT' || r.signal) return {ms: Infinity, mb: NaN, out: ''}
  const lines = r.stderr.trim().split('\n')
  const kb = Number(lines.at(-1))
  if (r.status !== 0) throw new Error(`kbe ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 500)}`)
  return {ms, mb: kb / 1024, out: r.stdout ?? ''}
}

/** Times every command at one size; returns rows of {name, ms, mb, stateBytes}. */
function measureSize(base, pods, runs) {
  const rows = []
  const file = path.join(base, 'cluster.json')
  for (const c of commands(pods)) {
    const times = []
    const rss = []
    let stateBytes = fs.statSync(file).size
    for (let i = 0; i < runs; i++) {
      let home = base
      if (c.writes) {
        home = fs.mkdtempSync(path.join(os.tmpdir(), 'kbe-bench-run-'))
        fs.copyFileSync(file, path.join(home, 'cluster.json'))
      }
      if (c.before) runOnce(home, c.before)
      const r = runOnce(home, c.args, c.now)
      times.push(r.ms)
      rss.push(r.mb)
      if (r.ms === Infinity) i = runs
      if (c.writes) {
        stateBytes = fs.statSync(path.join(home, 'cluster.json')).size
        fs.rmSync(home, {recursive: true, force: true})
      }
    }
    const measured = rss.filter((x) => !Number.isNaN(x))
    rows.push({name: c.name, ms: median(times), mb: measured.length ? Math.max(...measured) : Number.NaN, stateBytes})
  }
  return rows
}

function pad(text, n, left = false) {
  return left ? String(text).padEnd(n) : String(text).padStart(n)
}

const mib = (bytes) => (bytes / (1024 * 1024)).toFixed(1)

/** Runs the scale benchmark and prints its table; `sizes` are service counts (10 pods each). */
export async function runScaleBench({sizes = [10, 100, 1000], runs = 5, log = console.log} = {}) {
  const results = []
  for (const services of sizes) {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kbe-bench-scale-'))
    try {
      const buildMs = await buildCluster(home, services)
      const pods = services * 10
      const stateBytes = fs.statSync(path.join(home, 'cluster.json')).size
      const rows = measureSize(home, pods, runs)
      results.push({services, pods, buildMs, stateBytes, rows})
      if (services === sizes.at(-1)) iptablesRestore(home, log)
    } finally {
      fs.rmSync(home, {recursive: true, force: true})
    }
  }
  log(`\nkbe at scale (median of ${runs} whole-process runs; peak RSS = max over runs; state after the command)`)
  log(pad('pods/services', 14, true) + pad('state MiB', 10) + '  ' + pad('command', 22, true) + pad('ms', 9) + pad('peak MB', 9) + pad('state MiB', 11))
  for (const r of results) {
    r.rows.forEach((row, i) => {
      const head = i === 0 ? pad(`${r.pods}/${r.services}`, 14, true) + pad(mib(r.stateBytes), 10) : ' '.repeat(24)
      const ms = row.ms === Infinity ? `>${TIMEOUT_MS / 1000}s` : row.ms.toFixed(0)
      const mb = Number.isNaN(row.mb) ? '-' : row.mb.toFixed(0)
      log(head + '  ' + pad(row.name, 22, true) + pad(ms, 9) + pad(mb, 9) + pad(mib(row.stateBytes), 11))
    })
  }
  if (results.length > 1) {
    log('\ngrowth per 10× (time ratio, memory ratio); linear is ≤ 10')
    const names = results[0].rows.map((r) => r.name)
    log(pad('command', 22, true) + results.slice(1).map((r, i) => pad(`${results[i].pods}→${r.pods}`, 22)).join(''))
    names.forEach((name, k) => {
      const cells = results.slice(1).map((r, i) => {
        const a = results[i].rows[k]
        const b = r.rows[k]
        return pad(`${(b.ms / a.ms).toFixed(1)}× t, ${(b.mb / a.mb).toFixed(1)}× mem`, 22)
      })
      log(pad(name, 22, true) + cells.join(''))
    })
    log(pad('state file', 22, true) + results.slice(1).map((r, i) => pad(`${(r.stateBytes / results[i].stateBytes).toFixed(1)}× size`, 22)).join(''))
  }
  return results
}

/** Times `iptables-restore` of kbe's rules in a throwaway network namespace (root + iptables only). */
function iptablesRestore(home, log) {
  const which = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], {encoding: 'utf8'}).stdout.trim()
  if (process.getuid?.() !== 0 || !which('iptables-restore') || !which('ip')) {
    log('iptables-restore: skipped (needs root, iptables and ip)')
    return
  }
  const rules = runOnce(home, ['iptables-save'], BENCH_NOW, true).out
  const ns = `kbe-bench-${process.pid}`
  if (spawnSync('ip', ['netns', 'add', ns]).status !== 0) {
    log('iptables-restore: skipped (cannot create a network namespace here)')
    return
  }
  try {
    const times = []
    for (let i = 0; i < 3; i++) {
      const start = process.hrtime.bigint()
      const r = spawnSync('ip', ['netns', 'exec', ns, 'iptables-restore'], {input: rules, encoding: 'utf8'})
      times.push(Number(process.hrtime.bigint() - start) / 1e6)
      if (r.status !== 0) {
        log(`iptables-restore: failed in netns (${r.stderr.trim().split('\n')[0]})`)
        return
      }
    }
    const lines = rules.split('\n').filter((l) => l.startsWith('-A')).length
    log(`iptables-restore of kbe's output (${lines} rules, ${mib(rules.length)} MiB) in a fresh netns: ${median(times).toFixed(0)} ms (median of 3)`)
  } finally {
    spawnSync('ip', ['netns', 'del', ns])
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick')
  const runsAt = process.argv.indexOf('--runs')
  await runScaleBench({runs: runsAt > 0 ? Number(process.argv[runsAt + 1]) : quick ? 1 : 5})
}
