// `kbe scale --replicas=N TYPE NAME | TYPE/NAME | -f FILE`: sets spec.replicas through the scale
// subresource of ReplicationControllers, ReplicaSets and Deployments, then lets the controllers react.
// Messages and errors are kubectl's (`replicationcontroller/rcsise scaled`).

import {CliError, StatusError} from '../api/errors.js'
import {kindPath, qualifiedResource} from '../api/registry.js'
import type {KubeObject} from '../api/types.js'
import type {Cluster} from '../cluster/cluster.js'
import {CommandOutput} from './output.js'
import type {ResourceRequest} from './resource-args.js'

const SCALABLE = new Set(['replicationcontrollers', 'replicasets', 'deployments', 'statefulsets'])

export interface ScaleOptions {
  replicas?: number
  namespace: string
}

/** Checks --replicas (kubectl: required and >= 0). */
export function validateScale(options: ScaleOptions): number {
  if (options.replicas === undefined || options.replicas < 0 || !Number.isInteger(options.replicas)) {
    throw new CliError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0')
  }
  return options.replicas
}

/** Runs `kbe scale` for resolved requests (names already attached). */
export function runScale(options: ScaleOptions, requests: ResourceRequest[], cluster: Cluster): CommandOutput {
  const replicas = validateScale(options)
  const result = new CommandOutput()
  const targets: {info: ResourceRequest['info']; obj: KubeObject}[] = []
  for (const {info, names} of requests) {
    if (names.length === 0) throw new CliError('resource(s) were provided, but no name was specified')
    for (const name of names) {
      const obj = cluster.store.find(info.resource, info.namespaced ? options.namespace : undefined, name)
      if (!obj) throw new CliError(`no objects passed to scale ${qualifiedResource(info)} "${name}" not found`)
      targets.push({info, obj})
    }
  }
  for (const {info, obj} of targets) {
    if (!SCALABLE.has(info.resource)) {
      result.fail(new StatusError('NotFound', 'the server could not find the requested resource'))
      continue
    }
    const next = structuredClone(obj) as KubeObject & {spec: {replicas?: number}}
    // A patch that changes nothing leaves the object (and its resourceVersion) alone, as the apiserver does.
    if (next.spec.replicas !== replicas) {
      next.spec.replicas = replicas
      cluster.update(next, true)
    }
    result.out(`${kindPath(info)}/${obj.metadata.name} scaled\n`)
  }
  return result
}
