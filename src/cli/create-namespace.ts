// `kbe create namespace NAME`: the one-object generator kubectl offers next to `create -f`. Builds the
// Namespace kubectl sends (name only; the apiserver adds the finalizer, the metadata.name label and the
// Active phase) and prints `namespace/NAME created`, or kubectl's argument error.

import {RawError} from '../api/errors.js'
import type {Namespace} from '../api/types.js'
import type {Cluster} from '../cluster/cluster.js'
import {CommandOutput} from './output.js'

/** Returns the Namespace object kubectl's generator builds, or throws its argument-count error. */
export function buildNamespace(args: string[]): Namespace {
  if (args.length !== 1) {
    throw new RawError(`error: exactly one NAME is required, got ${args.length}\nSee 'kbe create namespace -h' for help and examples\n`)
  }
  return {apiVersion: 'v1', kind: 'Namespace', metadata: {name: args[0]}, spec: {}}
}

/** Runs `kbe create namespace NAME`. */
export function runCreateNamespace(args: string[], cluster: Cluster): CommandOutput {
  const ns = buildNamespace(args)
  const created = cluster.create(ns)
  const result = new CommandOutput()
  result.out(`namespace/${created.metadata.name} created\n`)
  return result
}
