// The persisted shape of a simulated cluster: every object, plus the bookkeeping the real components
// keep outside the API (the kubelet's timeline for each pod, the node's image cache, the random
// generator's state, the last instant the model was moved to). One JSON document; src/io owns reading
// and writing it, this module only names its parts.

import type {RandomState} from '../util/random.js'
import type {StoreData} from '../store/store.js'

export const STATE_KIND = 'KbeClusterState'
export const STATE_VERSION = 1

/** A planned kubelet step for one pod: what happens, and when (ms since the epoch). */
export interface PodStep {
  at: number
  step: 'schedule' | 'sandbox' | 'pulling' | 'pulled' | 'start' | 'kill' | 'remove'
  container?: number
  /** For a 'pulled' step that really pulled: when the pull began. */
  since?: number
}

/** What the kubelet knows about one pod beyond its API object. */
export interface PodRuntime {
  namespace: string
  name: string
  ip?: string
  steps: PodStep[]
}

export interface ClusterState {
  kind: typeof STATE_KIND
  version: typeof STATE_VERSION
  seed: number
  random: RandomState
  /** The instant (ms since the epoch) the model has been moved to. */
  time: number
  resourceVersion: number
  eventSequence: number
  objects: StoreData
  /** Pod uid → kubelet bookkeeping. */
  runtime: Record<string, PodRuntime>
  /** Image name → the instant its pull completes (or completed) on the node. */
  images: Record<string, number>
}
