// Fetching what a resource request names, shared by get, describe and delete: named objects one by one
// (NotFound for each missing one, the found ones still returned), or the whole list of a namespace (or
// of all of them) filtered by a label selector. Also the structured (-o json|yaml|name) output and the
// "No resources found" message these commands share.

import {notFound} from '../api/errors.js'
import {qualifiedResource} from '../api/registry.js'
import type {KubeObject} from '../api/types.js'
import type {Cluster} from '../cluster/cluster.js'
import {resolvePrinter, type PrintedText} from '../printers/resolve.js'
import type {ResourceRequest} from './resource-args.js'

export type LabelMatcher = (labels: Record<string, string>) => boolean

/** Returns the objects a request names (or lists), plus the errors for the names that don't exist. */
export function fetchRequest(cluster: Cluster, request: ResourceRequest, namespace: string | undefined, matches?: LabelMatcher): {objects: KubeObject[]; errors: unknown[]} {
  const {info, names} = request
  const ns = info.namespaced ? namespace : undefined
  if (names.length === 0) {
    const listed = cluster.store.list(info.resource, ns)
    return {objects: matches ? listed.filter((o) => matches(o.metadata.labels ?? {})) : listed, errors: []}
  }
  const objects: KubeObject[] = []
  const errors: unknown[] = []
  for (const name of names) {
    const found = cluster.store.find(info.resource, info.namespaced ? namespace ?? 'default' : undefined, name)
    if (!found) errors.push(notFound(qualifiedResource(info), name))
    else if (!matches || matches(found.metadata.labels ?? {})) objects.push(found)
  }
  return {objects, errors}
}

/** Returns kubectl's "No resources found" line for a namespace (or for all of them). */
export function noResourcesMessage(namespace: string | undefined): string {
  return namespace === undefined ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`
}

/** Throws kubectl's "unable to match a printer" error unless the format is one kbe prints. */
export function checkOutputFormat(format: string): void {
  resolvePrinter(format)
}

/** Returns objects printed by a non-table `-o` printer (json and yaml in pieces); a single named object is printed bare, others in a List. */
export function printStructured(format: string, objects: readonly object[], single: boolean, noHeaders = false): PrintedText {
  const printer = resolvePrinter(format)
  if (printer.family !== 'output') throw new Error(`printStructured called for the table format ${format}`)
  return printer.print(objects, {singleItemImplied: single, noHeaders})
}
