// `kbe delete`: by name (TYPE NAME…, TYPE/NAME…), by selector (-l), everything of a type (--all), or the
// objects of manifests (-f). Pods go gracefully through the kubelet (Terminating, then gone); deleting
// an owner lets the garbage collector take its dependents. Prints `<kind> "<name>" deleted` per object,
// as kubectl v1.32 does, and its errors for missing objects and missing arguments.

import {CliError, RawError, notFound} from '../api/errors.js'
import {kindPath, qualifiedResource, type ResourceInfo} from '../api/registry.js'
import type {KubeObject} from '../api/types.js'
import type {Cluster} from '../cluster/cluster.js'
import {addSourceToError} from './errors.js'
import {fetchRequest, type LabelMatcher} from './fetch.js'
import {CommandOutput} from './output.js'
import type {ResourceRequest} from './resource-args.js'

export interface DeleteOptions {
  namespace: string
  allNamespaces: boolean
  all: boolean
  selector?: string
  force: boolean
  gracePeriod?: number
}

export const NO_RESOURCES_GIVEN = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'
`

/** A target of deletion with the file it came from (for `error when deleting "<file>"`). */
export interface DeleteTarget {
  info: ResourceInfo
  namespace: string | undefined
  name: string
  source?: string
}

/** Checks that something to delete was named. */
export function validateDelete(options: DeleteOptions, requests: ResourceRequest[], hasFiles: boolean): void {
  if (requests.length === 0 && !hasFiles) throw new RawError(NO_RESOURCES_GIVEN)
  const unnamed = requests.some((r) => r.names.length === 0)
  if (unnamed && !options.all && options.selector === undefined) throw new CliError('resource(s) were provided, but no name was specified')
}

function deleteOne(cluster: Cluster, info: ResourceInfo, obj: KubeObject, options: DeleteOptions, result: CommandOutput): void {
  const immediate = options.force && options.gracePeriod === 0
  cluster.delete(obj, immediate)
  result.out(`${kindPath(info)} "${obj.metadata.name}" ${immediate ? 'force deleted' : 'deleted'}\n`)
}

/** Runs `kbe delete` for argument requests and manifest targets. */
export function runDelete(options: DeleteOptions, requests: ResourceRequest[], targets: DeleteTarget[], cluster: Cluster, matches?: LabelMatcher, readErrors: unknown[] = []): CommandOutput {
  const result = new CommandOutput()
  if (options.force && options.gracePeriod === 0) {
    result.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n')
  }
  let deleted = 0
  const attempt = (info: ResourceInfo, obj: KubeObject) => {
    try {
      deleteOne(cluster, info, obj, options, result)
      deleted++
    } catch (error) {
      // One refusal (a protected namespace, say) doesn't stop the others, as with kubectl.
      result.fail(error)
    }
  }
  cluster.batch(() => {
    for (const request of requests) {
      const {objects, errors} = fetchRequest(cluster, request, options.allNamespaces ? undefined : options.namespace, matches)
      for (const obj of objects) attempt(request.info, obj)
      for (const e of errors) result.fail(e)
    }
    for (const t of targets) {
      const obj = cluster.store.find(t.info.resource, t.namespace, t.name)
      if (obj) attempt(t.info, obj)
      else result.fail(addSourceToError('deleting', t.source ?? '', notFound(qualifiedResource(t.info), t.name)))
    }
  })
  for (const e of readErrors) result.fail(e)
  if (deleted === 0 && result.exitCode === 0) result.out('No resources found\n')
  return result
}
