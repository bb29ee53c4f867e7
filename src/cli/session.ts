// Where an invocation meets its cluster: reads KBE_HOME, KBE_NOW and KBE_SEED (only here), loads the
// persisted cluster (creating it on first use), moves it to "now", runs the command's core function and,
// for commands that change the cluster, saves it under the writers' lock. Reads take no lock: the state
// file is replaced atomically and the model's advance is deterministic, so a reader only computes (and
// keeps what it computed when the lock happens to be free and no one wrote meanwhile).

import {randomInt} from 'node:crypto'
import {CliError} from '../api/errors.js'
import {Cluster} from '../cluster/cluster.js'
import {acquireLock, closeStateFiles, isUpgraded, kbeHome, loadState, saveIfUnchanged, saveState, stateStamp} from '../io/state-file.js'

export interface SessionEnv {
  home: string
  now: Date
  seed: number
  /** Whether "now" is the real clock (false when KBE_NOW pins it). */
  realClock: boolean
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/

/** Returns the session settings from the environment, or throws a CliError naming the bad variable. */
export function sessionEnv(env: NodeJS.ProcessEnv = process.env): SessionEnv {
  let now = new Date()
  let realClock = true
  if (env.KBE_NOW !== undefined && env.KBE_NOW !== '') {
    const t = RFC3339.test(env.KBE_NOW) ? Date.parse(env.KBE_NOW) : Number.NaN
    if (Number.isNaN(t)) throw new CliError(`KBE_NOW="${env.KBE_NOW}" is not an RFC 3339 time (e.g. 2026-11-25T16:30:00Z)`)
    now = new Date(t)
    realClock = false
  }
  let seed = randomInt(0, 2 ** 31)
  if (env.KBE_SEED !== undefined && env.KBE_SEED !== '') {
    if (!/^-?\d+$/.test(env.KBE_SEED) || !Number.isSafeInteger(Number(env.KBE_SEED))) throw new CliError(`KBE_SEED="${env.KBE_SEED}" is not an integer`)
    seed = Number(env.KBE_SEED) >>> 0
  }
  return {home: kbeHome(env), now, seed, realClock}
}

function loadOrBootstrap(settings: SessionEnv): {cluster: Cluster; fresh: boolean} {
  const state = loadState(settings.home)
  if (state) return {cluster: new Cluster(state), fresh: false}
  return {cluster: Cluster.bootstrap(settings.now, settings.seed), fresh: true}
}

/** Runs `fn` on the cluster moved to now, without saving (the first ever call still creates the cluster). */
export function readCluster<T>(settings: SessionEnv, fn: (cluster: Cluster) => T): T {
  const stamp = stateStamp(settings.home)
  try {
    const state = loadState(settings.home)
    if (!state) return writeCluster(settings, fn)
    const cluster = new Cluster(state)
    const before = cluster.revision()
    cluster.advanceTo(settings.now)
    const result = fn(cluster)
    // Moving a big cluster forward can take a while (hundreds of pods starting); keep that work for the
    // next command when no writer is busy and nobody saved meanwhile. The result is the same either way.
    // A state read from an older format is saved in the current one the same way.
    if (cluster.revision() !== before || isUpgraded(state)) saveIfUnchanged(settings.home, stamp, cluster.snapshot())
    return result
  } finally {
    closeStateFiles()
  }
}

/** Runs `fn` on the cluster moved to now under the writers' lock, and saves the result atomically. */
export function writeCluster<T>(settings: SessionEnv, fn: (cluster: Cluster) => T): T {
  const release = acquireLock(settings.home)
  try {
    const {cluster, fresh} = loadOrBootstrap(settings)
    cluster.advanceTo(settings.now)
    const before = cluster.revision()
    const result = fn(cluster)
    // A command that changed nothing (e.g. every object was rejected) leaves the file untouched.
    if (fresh || cluster.revision() !== before) saveState(settings.home, cluster.snapshot())
    return result
  } finally {
    closeStateFiles()
    release()
  }
}
