// The cluster's state on disk: first use creates it, two terminals writing at once lose nothing and never
// hand out an address twice, and a corrupt, empty, foreign or unreadable state file gives a clear error
// that names the file and the way out, without being overwritten. `kbe reset` keeps the old file.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {runKbe, tempHome} from '../helpers/kbe.js'

const NOW = '2026-11-25T16:30:00Z'

function podYaml(name: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: nginx\n`
}

function serviceYaml(name: string): string {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    app: ${name}\n  ports:\n  - port: 80\n`
}

/** Returns the header line of a state file (its scalars: time, resourceVersion, …). */
function stateHeader(file: string): {time: number} {
  return JSON.parse(fs.readFileSync(file, 'utf8').split('\n')[0]) as {time: number}
}

describe('state file', function () {
  this.timeout(120_000)
  let home: string
  beforeEach(() => {
    home = tempHome()
  })
  afterEach(() => fs.rmSync(home, {recursive: true, force: true}))

  it('is created on first use with a fresh cluster', async () => {
    const r = await runKbe(['get', 'ns'], {home, now: NOW, seed: 1})
    assert.equal(r.code, 0)
    assert.equal(r.stdout, 'NAME              STATUS   AGE\ndefault           Active   60s\nkube-node-lease   Active   60s\nkube-public       Active   60s\nkube-system       Active   60s\n')
    assert.ok(fs.existsSync(path.join(home, 'cluster.json')))
  })

  it('loses no update and hands out no address twice when 16 terminals write at once', async () => {
    await runKbe(['get', 'ns'], {home, now: NOW, seed: 1})
    const files: string[] = []
    for (let i = 0; i < 16; i++) {
      const file = path.join(home, `obj-${i}.yaml`)
      fs.writeFileSync(file, `${podYaml(`p${i}`)}---\n${serviceYaml(`s${i}`)}`)
      files.push(file)
    }
    const results = await Promise.all(files.map((f) => runKbe(['create', '-f', f], {home, now: '2026-11-25T16:31:00Z'})))
    for (const r of results) assert.equal(r.code, 0, r.stderr)
    const pods = await runKbe(['get', 'pods', '-o', 'json'], {home, now: '2026-11-25T16:32:00Z'})
    const podIPs = (JSON.parse(pods.stdout).items as {status: {podIP: string}}[]).map((p) => p.status.podIP)
    assert.equal(podIPs.length, 16)
    assert.equal(new Set(podIPs).size, 16, `duplicate pod IPs: ${podIPs.join(' ')}`)
    const svcs = await runKbe(['get', 'svc', '-o', 'json'], {home, now: '2026-11-25T16:32:00Z'})
    const vips = (JSON.parse(svcs.stdout).items as {spec: {clusterIP: string}}[]).map((s) => s.spec.clusterIP)
    assert.equal(vips.length, 17)
    assert.equal(new Set(vips).size, 17, `duplicate VIPs: ${vips.join(' ')}`)
  })

  it('keeps the work of a read that moved the cluster forward, when no writer is busy', async () => {
    await runKbe(['create', '-f', '-'], {home, now: NOW, seed: 1, stdin: podYaml('a')})
    const file = path.join(home, 'cluster.json')
    const before = stateHeader(file)
    assert.equal(before.time, Date.parse(NOW))
    const r = await runKbe(['get', 'pods'], {home, now: '2026-11-25T16:31:00Z'})
    assert.equal(r.stdout, 'NAME   READY   STATUS    RESTARTS   AGE\na      1/1     Running   0          60s\n')
    const after = stateHeader(file)
    assert.equal(after.time, Date.parse('2026-11-25T16:31:00Z'))
    // A read that changes nothing leaves the file alone.
    const bytes = fs.readFileSync(file)
    await runKbe(['get', 'pods'], {home, now: '2026-11-25T16:31:00Z'})
    assert.ok(bytes.equals(fs.readFileSync(file)))
  })

  const broken: {name: string; write: (file: string) => void; stderr: (file: string) => string}[] = [
    {name: 'corrupt', write: (f) => fs.writeFileSync(f, '{"kind": "KbeClusterState", "vers'),
      stderr: (f) => `error: the cluster state ${f} is corrupt (not valid JSON); run "kbe reset" to move it aside and start a fresh cluster (the old file is kept as ${f}.bak)\n`},
    {name: 'empty', write: (f) => fs.writeFileSync(f, ''),
      stderr: (f) => `error: the cluster state ${f} is empty; run "kbe reset" to move it aside and start a fresh cluster (the old file is kept as ${f}.bak)\n`},
    {name: 'foreign', write: (f) => fs.writeFileSync(f, '{"apiVersion": "v1", "kind": "Config"}'),
      stderr: (f) => `error: ${f} is not a kbe cluster state; run "kbe reset" to move it aside and start a fresh cluster (the old file is kept as ${f}.bak)\n`},
    {name: 'from another version', write: (f) => fs.writeFileSync(f, '{"kind": "KbeClusterState", "version": 99}'),
      stderr: (f) => `error: the cluster state ${f} has format version 99, this kbe reads version 2; use the kbe that wrote it, or run "kbe reset" to move it aside and start a fresh cluster (the old file is kept as ${f}.bak)\n`},
  ]
  for (const b of broken) {
    it(`a ${b.name} state file is reported, not overwritten, and reset keeps it`, async () => {
      const file = path.join(home, 'cluster.json')
      b.write(file)
      const before = fs.readFileSync(file)
      for (const args of [['get', 'pods'], ['create', '-f', '-']]) {
        const r = await runKbe(args, {home, now: NOW, stdin: podYaml('x')})
        assert.equal(r.stderr, b.stderr(file))
        assert.equal(r.code, 1)
        assert.ok(before.equals(fs.readFileSync(file)))
      }
      const reset = await runKbe(['reset'], {home, now: NOW, seed: 2})
      assert.equal(reset.stdout, `Started a fresh cluster; the previous one is kept in ${file}.bak\n`)
      assert.ok(before.equals(fs.readFileSync(`${file}.bak`)))
      const r = await runKbe(['get', 'pods'], {home, now: NOW})
      assert.equal(r.code, 0)
    })
  }

  it('a state file of format version 1 (one JSON document) loads, and the first read saves it as version 2', async () => {
    await runKbe(['create', '-f', '-'], {home, now: NOW, seed: 1, stdin: podYaml('a')})
    const file = path.join(home, 'cluster.json')
    const expected = await runKbe(['get', 'pods', '-o', 'json'], {home, now: NOW})
    // Version 1 was the same state as one document: the header's scalars with objects and runtime inline.
    const lines = fs.readFileSync(file, 'utf8').split('\n')
    const header = JSON.parse(lines[0]) as {sections: [string, number][]}
    const v1: Record<string, unknown> = {...header, version: 1, objects: {}}
    delete v1.sections
    header.sections.forEach(([name], i) => {
      if (name === 'runtime') v1.runtime = JSON.parse(lines[i + 1])
      else if (name.startsWith('objects/')) (v1.objects as Record<string, unknown>)[name.replace('objects/', '')] = JSON.parse(lines[i + 1])
    })
    fs.writeFileSync(file, JSON.stringify(v1))
    const r = await runKbe(['get', 'pods', '-o', 'json'], {home, now: NOW})
    assert.equal(r.stderr, '')
    assert.equal(r.stdout, expected.stdout)
    assert.equal((stateHeader(file) as {version?: number}).version, 2)
  })

  it('a broken section is reported when a command first reads it, and nothing is written', async () => {
    await runKbe(['create', '-f', '-'], {home, now: NOW, seed: 1, stdin: `${podYaml('a')}---\n${serviceYaml('s')}`})
    const file = path.join(home, 'cluster.json')
    const text = fs.readFileSync(file, 'utf8')
    const at = text.indexOf('"default/a":')
    fs.writeFileSync(file, `${text.slice(0, at)}!${text.slice(at + 1)}`)
    const before = fs.readFileSync(file)
    const svc = await runKbe(['get', 'svc', 's'], {home, now: NOW})
    assert.equal(svc.code, 0, svc.stderr)
    for (const args of [['get', 'pods'], ['get', 'pods', '-o', 'json'], ['create', '-f', '-']]) {
      const r = await runKbe(args, {home, now: NOW, stdin: podYaml('b')})
      assert.equal(r.stderr, `error: the cluster state ${file} is corrupt (section objects/pods is not valid JSON); run "kbe reset" to move it aside and start a fresh cluster (the old file is kept as ${file}.bak)\n`)
      assert.equal(r.code, 1)
      assert.ok(before.equals(fs.readFileSync(file)))
    }
  })

  it('a damaged byte inside a stored object is reported by get -o json, which prints stored objects unparsed', async () => {
    await runKbe(['create', '-f', '-'], {home, now: NOW, seed: 1, stdin: `${podYaml('a')}---\n${podYaml('b')}`})
    const file = path.join(home, 'cluster.json')
    const text = fs.readFileSync(file, 'utf8')
    const at = text.indexOf('"spec":{', text.indexOf('"default/b":'))
    // The object keeps its length and its braces (its key index still fits it), but is no JSON any more.
    fs.writeFileSync(file, `${text.slice(0, at)}"spec"!{${text.slice(at + '"spec":{'.length)}`)
    const before = fs.readFileSync(file)
    const r = await runKbe(['get', 'pods', '-o', 'json'], {home, now: NOW})
    assert.equal(r.stderr, `error: the cluster state ${file} is corrupt (section objects/pods is not valid JSON); run "kbe reset" to move it aside and start a fresh cluster (the old file is kept as ${file}.bak)\n`)
    assert.equal(r.stdout, '')
    assert.equal(r.code, 1)
    assert.ok(before.equals(fs.readFileSync(file)))
  })

  it('request budgets or event recorder caches of the wrong shape are reported when the state loads', async () => {
    await runKbe(['create', '-f', '-'], {home, now: NOW, seed: 1, stdin: podYaml('a')})
    const file = path.join(home, 'cluster.json')
    const text = fs.readFileSync(file, 'utf8')
    const header = text.slice(0, text.indexOf('\n'))
    for (const [field, value, detail] of [
      ['clients', {'replication-controller': {tokens: 'many', at: 1}}, 'clients is not a set of request budgets'],
      ['eventCorrelator', {'kubelet/minikube': {spam: [[1, 2]]}}, 'eventCorrelator is not a set of event recorder caches'],
    ] as const) {
      const edited = JSON.stringify({...JSON.parse(header), [field]: value})
      fs.writeFileSync(file, edited + text.slice(header.length))
      const before = fs.readFileSync(file)
      const r = await runKbe(['get', 'pods'], {home, now: NOW})
      assert.equal(r.stderr, `error: the cluster state ${file} is corrupt (${detail}); run "kbe reset" to move it aside and start a fresh cluster (the old file is kept as ${file}.bak)\n`)
      assert.equal(r.code, 1)
      assert.ok(before.equals(fs.readFileSync(file)))
    }
  })

  it('a state file cut short is reported when it loads', async () => {
    await runKbe(['create', '-f', '-'], {home, now: NOW, seed: 1, stdin: podYaml('a')})
    const file = path.join(home, 'cluster.json')
    fs.truncateSync(file, fs.statSync(file).size - 10)
    const r = await runKbe(['get', 'svc'], {home, now: NOW})
    assert.equal(r.stderr, `error: the cluster state ${file} is corrupt (section index/events is cut short or has the wrong length); run "kbe reset" to move it aside and start a fresh cluster (the old file is kept as ${file}.bak)\n`)
    assert.equal(r.code, 1)
  })

  it('a broken event index is reported by the describe that reads it, and nothing is written', async () => {
    await runKbe(['create', '-f', '-'], {home, now: NOW, seed: 1, stdin: podYaml('a')})
    const file = path.join(home, 'cluster.json')
    const text = fs.readFileSync(file, 'utf8')
    // The index is the last section: its opening brace becomes a character JSON can't start with.
    const at = text.lastIndexOf('\n', text.length - 2) + 1
    fs.writeFileSync(file, `${text.slice(0, at)}!${text.slice(at + 1)}`)
    const before = fs.readFileSync(file)
    const get = await runKbe(['get', 'pods'], {home, now: NOW})
    assert.equal(get.code, 0, get.stderr)
    const r = await runKbe(['describe', 'pod', 'a'], {home, now: NOW})
    assert.equal(r.stdout, '')
    assert.equal(r.stderr, `error: the cluster state ${file} is corrupt (section index/events is not valid JSON); run "kbe reset" to move it aside and start a fresh cluster (the old file is kept as ${file}.bak)\n`)
    assert.equal(r.code, 1)
    assert.ok(before.equals(fs.readFileSync(file)))
  })

  it('a state file that cannot be read is reported', async function () {
    if (process.getuid?.() === 0) {
      // root reads any file; a directory in its place is the unreadable case root can't get past.
      const file = path.join(home, 'cluster.json')
      fs.mkdirSync(file)
      const r = await runKbe(['get', 'pods'], {home, now: NOW})
      assert.equal(r.stderr, `error: the cluster state ${file} is a directory, not a file; run "kbe reset" to move it aside and start a fresh cluster (the old file is kept as ${file}.bak)\n`)
      assert.equal(r.code, 1)
      return
    }
    const file = path.join(home, 'cluster.json')
    fs.writeFileSync(file, '{}')
    fs.chmodSync(file, 0)
    const r = await runKbe(['get', 'pods'], {home, now: NOW})
    assert.equal(r.code, 1)
    assert.equal(r.stderr, `error: cannot read the cluster state ${file}: permission denied; fix its permissions or run "kbe reset" to move it aside and start a fresh cluster (the old file is kept as ${file}.bak)\n`)
  })
})

describe('state file under SIGKILL', function () {
  this.timeout(120_000)
  it('always loads after kbe is killed at random moments while writing', async () => {
    const {spawn} = await import('node:child_process')
    const {BIN} = await import('../helpers/kbe.js')
    const home = tempHome()
    try {
      const file = path.join(home, 'pods.yaml')
      fs.writeFileSync(file, Array.from({length: 40}, (_, i) => podYaml(`k${i}`)).join('---\n'))
      // A seeded walk over kill delays, so a failure can be replayed.
      let x = 12345
      const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
      for (let round = 0; round < 12; round++) {
        const args = round % 2 ? ['create', '-f', file] : ['delete', 'pods', '--all']
        const child = spawn(process.execPath, [BIN, ...args], {env: {...process.env, KBE_HOME: home, KBE_OFFLINE: '1'}, stdio: 'ignore'})
        const exited = new Promise((resolve) => child.on('exit', resolve))
        const delay = 60 + Math.floor(next() * 400)
        await new Promise((resolve) => setTimeout(resolve, delay))
        child.kill('SIGKILL')
        await exited
        const r = await runKbe(['get', 'pods', '-o', 'name'], {home})
        assert.equal(r.code, 0, `round ${round} (killed after ${delay} ms): ${r.stderr}`)
      }
    } finally {
      fs.rmSync(home, {recursive: true, force: true})
    }
  })
})
