// `kbe get`: complete (resource arguments, namespace, selector), fetch (named objects or lists, in
// request order, errors collected as kubectl does), then print through the table engine or the
// json/yaml/name printers. "No resources found" and partial failures follow kubectl's streams and exit
// codes exactly.

import {RawError} from '../api/errors.js'
import type {KubeObject} from '../api/types.js'
import type {Cluster} from '../cluster/cluster.js'
import {printTables, type TableGroup} from '../printers/table/engine.js'
import {resolvePrinter} from '../printers/resolve.js'
import {GoJsonText} from '../printers/json.js'
import {CommandOutput} from './output.js'
import {parseResourceArgs, type ResourceRequest} from './resource-args.js'
import {checkOutputFormat, fetchRequest, noResourcesMessage, printStructured} from './fetch.js'
import {compileSelector} from './selector.js'

export interface GetOptions {
  args: string[]
  namespace: string
  allNamespaces: boolean
  selector?: string
  output?: string
  showLabels: boolean
  noHeaders: boolean
  labelColumns: string[]
  showKind: boolean
}

const MISSING_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kbe get -h' for help and examples
`


/** Validates get's flags before anything is fetched; returns the parsed requests. */
export function completeGet(options: GetOptions): ResourceRequest[] {
  if (options.args.length === 0) throw new RawError(MISSING_TYPE)
  const requests = parseResourceArgs(options.args)
  checkOutputFormat(options.output ?? '')
  return requests
}

/** Runs `kbe get` against a cluster. */
export function runGet(options: GetOptions, cluster: Cluster, now: Date): CommandOutput {
  const result = new CommandOutput()
  const requests = completeGet(options)
  // Real clusters serve `ev` for both events and events.events.k8s.io, and kubectl says so.
  if (options.args[0].split(',').some((t) => t.toLowerCase() === 'ev')) {
    result.err('Warning: short name "ev" could also match lower priority resource events.events.k8s.io\n')
  }
  const matches = options.selector === undefined ? undefined : compileSelector(options.selector, requests[0]?.info)
  const groups: TableGroup[] = []
  const all: KubeObject[] = []
  /** What -o json|yaml|name|… prints: the objects, for -o json with the unread ones as their stored text. */
  const printed: object[] = []
  let singleObject = requests.length === 1 && requests[0].names.length === 1 && options.selector === undefined
  const output = options.output ?? ''
  const printer = resolvePrinter(output)
  const json = printer.family === 'output' && output.toLowerCase() === 'json'
  for (const request of requests) {
    const namespace = options.allNamespaces ? undefined : options.namespace
    const stored = json && request.names.length === 0 && !matches ? storedJson(cluster, request, namespace) : undefined
    if (stored) {
      printed.push(...stored)
      continue
    }
    const {objects, errors} = fetchRequest(cluster, request, namespace, matches)
    for (const e of errors) result.fail(e)
    if (errors.length) singleObject = false
    const last = groups.at(-1)
    if (last && last.kind === request.info.kind && last.group === request.info.group) last.objects.push(...objects)
    else groups.push({kind: request.info.kind, group: request.info.group, namespaced: request.info.namespaced, objects})
    all.push(...objects)
    printed.push(...objects)
  }
  if (printer.family === 'output') {
    result.out(printStructured(output, printed, singleObject, options.noHeaders))
    return result
  }
  // kubectl prefixes names with their kind whenever more than one type was asked for, even if some came back empty.
  const kinds = new Set(requests.map((r) => r.info.resource))
  const text = printTables(groups, {
    now, wide: printer.wide, noHeaders: options.noHeaders, showLabels: options.showLabels,
    labelColumns: options.labelColumns, allNamespaces: options.allNamespaces, showKind: options.showKind || kinds.size > 1,
  })
  result.out(text)
  if (all.length === 0 && result.exitCode === 0) {
    const clusterScoped = requests.some((r) => !r.info.namespaced)
    result.err(noResourcesMessage(options.allNamespaces || clusterScoped ? undefined : options.namespace))
  }
  return result
}

/**
 * Returns a listed request's objects for -o json with those nobody has read as the state file holds them,
 * compact Go JSON to be indented (a big list then costs no parsing); undefined when the file can't give it.
 */
function storedJson(cluster: Cluster, request: ResourceRequest, namespace: string | undefined): object[] | undefined {
  return cluster.store.listGoJson(request.info.resource, request.info.namespaced ? namespace : undefined)?.map((item) => (item instanceof Uint8Array ? new GoJsonText(item) : item))
}

/** Returns the -L keys from repeated, comma-separated flag values. */
export function splitLabelColumns(values: string[] | undefined): string[] {
  const keys: string[] = []
  for (const v of values ?? []) for (const k of v.split(',')) if (k.trim() !== '') keys.push(k.trim())
  return keys
}
