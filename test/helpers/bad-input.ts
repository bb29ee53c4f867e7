// The shared shape of every bad-input test: kbe run through the real bin prints exactly kubectl's error,
// exits 1, prints nothing on stdout (unless the case says otherwise) and leaves the cluster's state file
// byte for byte as it was.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {runKbe, type KbeEnv} from './kbe.js'

export interface RejectCase {
  name?: string
  args: string[]
  /** The exact stderr; a function of the process id for kubectl's klog lines, which carry it. */
  stderr: string | ((pid: number) => string)
  stdout?: string
  /** Files written into the working folder first (name → text). */
  files?: Record<string, string>
  stdin?: string
  env?: Record<string, string>
}

/** Declares the test for one case; `where` gives the cluster's environment when the test runs. */
export function itRejects(c: RejectCase, where: () => KbeEnv): void {
  it(c.name ?? `rejects: kbe ${c.args.join(' ')}`, async () => {
    const e = where()
    for (const [name, text] of Object.entries(c.files ?? {})) fs.writeFileSync(path.join(e.cwd ?? process.cwd(), name), text)
    const stateFile = path.join(e.home, 'cluster.json')
    const before = fs.readFileSync(stateFile)
    const r = await runKbe(c.args, {...e, env: {...e.env, ...c.env}, stdin: c.stdin})
    assert.equal(r.stderr, typeof c.stderr === 'function' ? c.stderr(r.pid as number) : c.stderr)
    assert.equal(r.stdout, c.stdout ?? '')
    assert.equal(r.code, 1)
    assert.ok(before.equals(fs.readFileSync(stateFile)), 'the state file changed')
  })
}
