// The cluster's home on disk: `$KBE_HOME/cluster.json` (default ~/.kbe). Writes are atomic (a private
// temporary file, fsync, rename over the old one, fsync of the folder), so a kbe killed at any moment
// leaves either the old or the new state. Writers are serialized by an exclusive lock file holding the
// writer's pid; a lock left by a dead process is taken over safely. Readers need no lock. A state file
// that can't be read or was written by another kbe version is never overwritten without `kbe reset`.

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {CliError, FatalCliError} from '../api/errors.js'
import {isClientBuckets} from '../cluster/client-rate-limit.js'
import {isCorrelatorState} from '../cluster/event-correlator.js'
import {STATE_KIND, STATE_VERSION, type ClusterState} from '../cluster/state.js'
import {decodeState, encodeState, type StateBytes, type StateChunk} from './state-sections.js'
import {checkSplice, spliceChecked, spliceMode} from './state-splice-check.js'

export const STATE_FILE = 'cluster.json'
const LOCK_FILE = 'cluster.lock'
const TAKEOVER_FILE = 'cluster.lock.takeover'
export const LOCK_TIMEOUT_MS = 30_000

/** Returns the folder kbe keeps its cluster in. */
export function kbeHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.KBE_HOME && env.KBE_HOME !== '' ? path.resolve(env.KBE_HOME) : path.join(os.homedir(), '.kbe')
}

function resetHint(file: string): string {
  return `run "kbe reset" to move it aside and start a fresh cluster (the old file is kept as ${file}.bak)`
}

// The state files this process has open, read section by section as commands need them. A saved file
// replaces the old one by rename, so an open descriptor keeps reading the snapshot it was loaded from.
// Each load has a handle of its own: a descriptor number closed and reused by a later load never lets
// the earlier state read the later file.
interface OpenFile {
  fd: number
  open: boolean
}
const openFiles = new Set<OpenFile>()

function openStateBytes(file: string): StateBytes {
  const fd = fs.openSync(file, 'r')
  try {
    const stat = fs.fstatSync(fd)
    if (stat.isDirectory()) throw Object.assign(new Error(`EISDIR: ${file}`), {code: 'EISDIR'})
    const size = stat.size
    const handle = {fd, open: true}
    openFiles.add(handle)
    return {size, read: (offset, length) => readAt(handle, offset, length), open: () => handle.open}
  } catch (error) {
    fs.closeSync(fd)
    throw error
  }
}

function readAt(handle: OpenFile, offset: number, length: number): Buffer {
  if (!handle.open) throw new Error('kbe: a cluster state section was read after its command finished')
  const bytes = Buffer.allocUnsafe(length)
  let done = 0
  while (done < length) {
    const n = fs.readSync(handle.fd, bytes, done, length - done, offset + done)
    if (n === 0) break
    done += n
  }
  return done === length ? bytes : bytes.subarray(0, done)
}

/** Closes the state files loaded so far (a session calls this when its command is done). */
export function closeStateFiles(): void {
  for (const handle of openFiles) {
    handle.open = false
    fs.closeSync(handle.fd)
  }
  openFiles.clear()
}

/** Returns the persisted state, undefined when there is none yet, or throws a CliError naming the file. */
export function loadState(home: string): ClusterState | undefined {
  const file = path.join(home, STATE_FILE)
  let source: StateBytes
  try {
    source = openStateBytes(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return undefined
    if (code === 'EACCES' || code === 'EPERM') throw new CliError(`cannot read the cluster state ${file}: permission denied; fix its permissions or ${resetHint(file)}`)
    if (code === 'EISDIR') throw new CliError(`the cluster state ${file} is a directory, not a file; ${resetHint(file)}`)
    throw new CliError(`cannot read the cluster state ${file}: ${(error as Error).message}`)
  }
  const corrupt = (detail: string) => new FatalCliError(`the cluster state ${file} is corrupt (${detail}); ${resetHint(file)}`)
  let parsed: unknown
  try {
    parsed = decodeState(source, corrupt)
  } catch (error) {
    if (error instanceof CliError) throw error
    const what = source.size === 0 || source.read(0, source.size).toString('utf8').trim() === '' ? 'is empty' : 'is corrupt (not valid JSON)'
    throw new CliError(`the cluster state ${file} ${what}; ${resetHint(file)}`)
  }
  const state = parsed as Partial<ClusterState>
  if (typeof state !== 'object' || state === null || state.kind !== STATE_KIND) {
    throw new CliError(`${file} is not a kbe cluster state; ${resetHint(file)}`)
  }
  // Version 1 (one JSON document) holds the same state; it is written back as version 2.
  if ((state.version as number) === 1) {
    state.version = STATE_VERSION
    upgraded.add(state)
  }
  if (state.version !== STATE_VERSION) {
    throw new CliError(`the cluster state ${file} has format version ${String(state.version)}, this kbe reads version ${STATE_VERSION}; use the kbe that wrote it, or ${resetHint(file)}`)
  }
  if (!state.objects || !state.runtime || !Array.isArray(state.random) || typeof state.time !== 'number') {
    throw new CliError(`the cluster state ${file} is incomplete; ${resetHint(file)}`)
  }
  if (state.clients !== undefined && !isClientBuckets(state.clients)) throw corrupt('clients is not a set of request budgets')
  if (state.eventCorrelator !== undefined && !isCorrelatorState(state.eventCorrelator)) throw corrupt('eventCorrelator is not a set of event recorder caches')
  return state as ClusterState
}

const upgraded = new WeakSet<object>()

/** Returns whether `state` was read from an older format (a reader then saves it in the current one). */
export function isUpgraded(state: ClusterState): boolean {
  return upgraded.has(state)
}

/** Writes the state atomically: readers and a crash at any point see the old or the new file, never a mix. */
export function saveState(home: string, state: ClusterState): void {
  fs.mkdirSync(home, {recursive: true})
  const file = path.join(home, STATE_FILE)
  const tmp = path.join(home, `.${STATE_FILE}.${process.pid}.${Date.now()}.tmp`)
  const chunks = encodeState(state, spliceMode())
  if (spliceChecked()) checkSplice(state, chunks)
  const fd = fs.openSync(tmp, 'w', 0o600)
  try {
    for (const chunk of chunks) writeAll(fd, chunk)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  fs.renameSync(tmp, file)
  syncFolder(home)
  removeAbandonedFiles(home)
}

/** How much of an old section is copied at a time. */
const COPY_PART = 1 << 20

function writeAll(fd: number, chunk: StateChunk): void {
  if (typeof chunk !== 'string' && !Buffer.isBuffer(chunk)) {
    for (let at = 0; at < chunk.length; at += COPY_PART) writeAll(fd, chunk.read(at, Math.min(COPY_PART, chunk.length - at)))
    return
  }
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
  for (let at = 0; at < bytes.length;) at += fs.writeSync(fd, bytes, at, bytes.length - at)
}

/** Removes the temporary state and lock files of writers that were killed before cleaning up. */
function removeAbandonedFiles(home: string): void {
  const pattern = new RegExp(`^(?:\\.${STATE_FILE.replace('.', '\\.')}\\.(\\d+)\\.\\d+\\.tmp|${LOCK_FILE.replace('.', '\\.')}\\.(\\d+))$`)
  for (const name of fs.readdirSync(home)) {
    const match = pattern.exec(name)
    const pid = match?.[1] ?? match?.[2]
    if (pid !== undefined && Number(pid) !== process.pid && !processAlive(Number(pid))) fs.rmSync(path.join(home, name), {force: true})
  }
}

function syncFolder(folder: string): void {
  try {
    const fd = fs.openSync(folder, 'r')
    try {
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
  } catch {
    // Not every platform lets a folder be fsynced; the rename is still atomic.
  }
}

/** Returns a stamp (mtime and size) of the state file, to tell later whether anyone rewrote it. */
export function stateStamp(home: string): string | undefined {
  try {
    const st = fs.statSync(path.join(home, STATE_FILE))
    return `${st.mtimeMs}:${st.size}`
  } catch {
    return undefined
  }
}

/**
 * Saves `state` only if the lock is free right now and the file still has `stamp` (nobody wrote since it
 * was read). Used by readers to keep the work of moving the cluster forward; never waits, never fails.
 */
export function saveIfUnchanged(home: string, stamp: string | undefined, state: ClusterState): boolean {
  let release: (() => void) | undefined
  try {
    release = acquireLock(home, 0)
  } catch {
    return false
  }
  try {
    if (stateStamp(home) !== stamp) return false
    saveState(home, state)
    return true
  } finally {
    release()
  }
}

/** Moves the state file aside (to cluster.json.bak) so the next command starts a fresh cluster. */
export function resetState(home: string): boolean {
  const file = path.join(home, STATE_FILE)
  if (!fs.existsSync(file)) return false
  fs.renameSync(file, `${file}.bak`)
  syncFolder(home)
  return true
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

function tryCreate(file: string, content: string): boolean {
  try {
    const fd = fs.openSync(file, 'wx', 0o600)
    fs.writeSync(fd, content)
    fs.closeSync(fd)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
}

/** Removes the lock if its holder is dead. Only one process at a time may try (the takeover file). */
function breakStaleLock(home: string): void {
  const lock = path.join(home, LOCK_FILE)
  const takeover = path.join(home, TAKEOVER_FILE)
  if (!tryCreate(takeover, String(process.pid))) {
    // Someone else is taking over; a takeover file left by a killed process goes after 5 s.
    try {
      if (Date.now() - fs.statSync(takeover).mtimeMs > 5000) fs.rmSync(takeover, {force: true})
    } catch { /* gone already */ }
    return
  }
  let fd: number | undefined
  try {
    // Read the holder through an open descriptor and remove the lock only if it is still that very file:
    // the holder may release and exit, and another kbe take a fresh lock, while this one looks.
    fd = fs.openSync(lock, 'r')
    const held = fs.fstatSync(fd)
    const holder = Number(fs.readFileSync(fd, 'utf8'))
    if (Number.isInteger(holder) && holder > 0 && !processAlive(holder)) {
      const now = fs.statSync(lock)
      if (now.ino === held.ino && now.dev === held.dev) fs.rmSync(lock, {force: true})
    }
  } catch {
    // The lock vanished meanwhile: nothing to break.
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
    fs.rmSync(takeover, {force: true})
  }
}

/**
 * Creates the lock file with our pid already in it: the pid goes into a private file that is then
 * hard-linked to the lock name (link fails if the name exists), so no one ever sees an empty lock —
 * a kbe killed half-way leaves either no lock or a lock naming a dead process.
 */
function tryLock(lock: string): boolean {
  const mine = `${lock}.${process.pid}`
  fs.writeFileSync(mine, String(process.pid), {mode: 0o600})
  try {
    fs.linkSync(mine, lock)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    fs.rmSync(mine, {force: true})
  }
}

/** Takes the writers' lock (waiting for another kbe up to LOCK_TIMEOUT_MS) and returns its release function. */
export function acquireLock(home: string, timeoutMs = LOCK_TIMEOUT_MS): () => void {
  fs.mkdirSync(home, {recursive: true})
  const lock = path.join(home, LOCK_FILE)
  const deadline = Date.now() + timeoutMs
  let wait = 2
  for (;;) {
    if (tryLock(lock)) break
    breakStaleLock(home)
    if (Date.now() > deadline) {
      throw new CliError(`timed out after ${Math.round(timeoutMs / 1000)}s waiting for another kbe to release ${lock}; if no other kbe is running, delete that file`)
    }
    sleep(wait + Math.floor(Math.random() * wait))
    wait = Math.min(wait * 2, 50)
  }
  return () => fs.rmSync(lock, {force: true})
}
