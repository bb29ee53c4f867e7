// Running kbe in tests, two ways: as a real subprocess of bin/run.js (the installed entry, exit codes,
// stdin, environment) and in-process through oclif's dispatcher (fast, same code as the bin). Both take a
// private KBE_HOME and pin the clock (KBE_NOW) and seed (KBE_SEED), so outputs are exact.

import {execFile} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const BIN = path.join(ROOT, 'bin', 'run.js')

export interface KbeResult {
  stdout: string
  stderr: string
  code: number
  pid?: number
}

export interface KbeEnv {
  home: string
  now?: string
  seed?: number
  offline?: boolean
  stdin?: string
  env?: Record<string, string>
  cwd?: string
}

/** Returns a fresh temporary KBE_HOME folder. */
export function tempHome(prefix = 'kbe-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

function environment(e: KbeEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {...process.env, KBE_HOME: e.home, TZ: 'UTC', ...e.env}
  delete env.KBE_NOW
  delete env.KBE_SEED
  delete env.KBE_OFFLINE
  if (e.now) env.KBE_NOW = e.now
  if (e.seed !== undefined) env.KBE_SEED = String(e.seed)
  if (e.offline !== false) env.KBE_OFFLINE = '1'
  Object.assign(env, e.env)
  return env
}

/** Runs `node bin/run.js <args>` as a subprocess. */
export function runKbe(args: string[], e: KbeEnv): Promise<KbeResult> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], {env: environment(e), cwd: e.cwd, maxBuffer: 64 * 1024 * 1024}, (error, stdout, stderr) => {
      const code = error ? (typeof (error as {code?: unknown}).code === 'number' ? (error as {code: number}).code : 1) : 0
      resolve({stdout, stderr, code, pid: child.pid})
    })
    if (e.stdin !== undefined) child.stdin?.end(e.stdin)
    else child.stdin?.end()
  })
}

/** Runs kbe in this process through oclif's dispatcher (the compiled commands), capturing its output. */
export async function runKbeInProcess(args: string[], e: KbeEnv): Promise<KbeResult> {
  const {captureOutput} = await import('@oclif/test')
  const {run} = await import('@oclif/core')
  const {normalizeArgv} = await import('../../src/cli/argv.js')
  const saved = {...process.env}
  const env = environment(e)
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key]
  Object.assign(process.env, env)
  try {
    const out = await captureOutput(async () => run(normalizeArgv(args), ROOT), {print: false})
    const error = out.error as (Error & {oclif?: {exit?: number}}) | undefined
    return {stdout: out.stdout, stderr: out.stderr, code: error ? (error.oclif?.exit ?? 1) : 0}
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
    Object.assign(process.env, saved)
  }
}
