// `kbe reset`: the workshop teacher's "start over". Moves the current state aside (cluster.json.bak, so
// nothing is lost by accident) and creates a fresh cluster at once, under the writers' lock.

import path from 'node:path'
import {acquireLock, resetState, STATE_FILE} from '../io/state-file.js'
import {CommandOutput} from './output.js'
import {writeCluster, type SessionEnv} from './session.js'

/** Runs `kbe reset`. */
export function runReset(settings: SessionEnv): CommandOutput {
  const result = new CommandOutput()
  const release = acquireLock(settings.home)
  let moved: boolean
  try {
    moved = resetState(settings.home)
  } finally {
    release()
  }
  writeCluster(settings, () => undefined)
  const file = path.join(settings.home, STATE_FILE)
  result.out(moved ? `Started a fresh cluster; the previous one is kept in ${file}.bak\n` : 'Started a fresh cluster\n')
  return result
}
