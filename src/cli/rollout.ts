// The part of `kbe rollout history|undo|status` they share: resolving the resource arguments to the
// objects (NotFound first, as kubectl fetches before it looks for a viewer), refusing kinds kbe has no
// rollout support for with kubectl's per-verb wording, and the ReplicaSets a Deployment controls —
// its rollout history, one revision per ReplicaSet.

import {CliError, RawError} from '../api/errors.js'
import {kindPath, type ResourceInfo} from '../api/registry.js'
import type {KubeObject} from '../api/types.js'
import type {Cluster} from '../cluster/cluster.js'
import {controllerOf} from '../controllers/replication.js'
import {revisionOf, type DeploymentObject, type ReplicaSetObject} from '../controllers/deployment-util.js'
import {parseResourceArgs} from './resource-args.js'

export type RolloutVerb = 'history' | 'undo' | 'status'

export interface RolloutTarget {
  info: ResourceInfo
  name: string
}

/** Kinds kubectl's polymorphic helpers visit (they get "not implemented" rather than "no visitor"). */
const VISITED_KINDS = new Set(['Pod', 'ReplicationController', 'ReplicaSet', 'Deployment', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob'])

/** Returns the targets named by `TYPE NAME…` or `TYPE/NAME…`; throws when none is given. */
export function rolloutTargets(args: string[]): RolloutTarget[] {
  if (args.length === 0) throw new CliError('required resource not specified')
  const targets: RolloutTarget[] = []
  for (const request of parseResourceArgs(args)) {
    if (request.names.length === 0) throw new CliError('resource(s) were provided, but no name was specified')
    for (const name of request.names) targets.push({info: request.info, name})
  }
  return targets
}

function groupKind(info: ResourceInfo): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind
}

/** Returns kubectl's error for a rollout verb on a kind other than Deployment. */
export function unsupportedKind(verb: RolloutVerb, info: ResourceInfo): CliError {
  const gk = groupKind(info)
  if (verb === 'status') return new CliError(`no status viewer has been implemented for ${gk}`)
  const what = verb === 'history' ? 'history viewer' : 'rollbacker'
  if (VISITED_KINDS.has(info.kind)) return new CliError(`no ${what} has been implemented for "${gk}"`)
  const retrieving = verb === 'history' ? 'history' : 'rollbacker'
  return new CliError(`error retrieving ${retrieving} for "${gk}", no visitor method exists for {${info.group} ${info.kind}}`)
}

/** Returns the Deployment a target names, or throws NotFound / the unsupported-kind error. */
export function findDeployment(cluster: Cluster, target: RolloutTarget, namespace: string, verb: RolloutVerb): DeploymentObject {
  const obj = cluster.store.get<KubeObject>(target.info, namespace, target.name)
  if (target.info.resource !== 'deployments') throw unsupportedKind(verb, target.info)
  return obj as DeploymentObject
}

/** Returns the ReplicaSets a Deployment controls, by revision (its rollout history). */
export function historyOf(cluster: Cluster, d: DeploymentObject): Map<number, ReplicaSetObject> {
  const sets = cluster.store.list<ReplicaSetObject>('replicasets', d.metadata.namespace).filter((rs) => controllerOf(rs)?.uid === d.metadata.uid)
  const byRevision = new Map<number, ReplicaSetObject>()
  for (const rs of sets) byRevision.set(revisionOf(rs), rs)
  return new Map([...byRevision.entries()].sort(([a], [b]) => a - b))
}

/** Returns `deployment.apps/<name>`. */
export function rolloutName(info: ResourceInfo, name: string): string {
  return `${kindPath(info)}/${name}`
}

/** Parses an int64 flag as cobra does; throws its error (with the command's usage hint) otherwise. */
export function parseIntFlag(flag: string, value: string | undefined, command: string): number | undefined {
  if (value === undefined) return undefined
  if (!/^[+-]?\d+$/.test(value)) {
    throw new RawError(`Error: invalid argument "${value}" for "--${flag}" flag: strconv.ParseInt: parsing "${value}": invalid syntax\nSee 'kbe ${command} --help' for usage.\n`)
  }
  return Number(value)
}
