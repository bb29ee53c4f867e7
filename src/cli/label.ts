// `kbe label TYPE NAME… k=v… k-… [--overwrite] [-l SELECTOR | --all]`: kubectl's label command. The
// arguments split into resources and label changes the way kubectl splits them (a change has `=` not
// in first place, or ends in `-`), changes are checked on the client (value syntax, add-and-remove of
// one key), each object is patched in argument order, and the message per object is kubectl's
// `labeled` / `not labeled` / `unlabeled` (the last one when the object got shorter without
// --overwrite). Keys are validated by the "apiserver" (metadata.labels), as a real cluster does.

import {CliError} from '../api/errors.js'
import {isValidLabelValue, validateLabelMap} from '../api/labels/validation.js'
import {kindPath, type ResourceInfo} from '../api/registry.js'
import type {KubeObject} from '../api/types.js'
import {FieldPath, invalidError} from '../api/validation/index.js'
import type {Cluster} from '../cluster/cluster.js'
import {printedString, resolvePrinter} from '../printers/resolve.js'
import {fetchRequest, printStructured, type LabelMatcher} from './fetch.js'
import {CommandOutput} from './output.js'
import {parseResourceArgs, type ResourceRequest} from './resource-args.js'
import {compileSelector} from './selector.js'

export interface LabelOptions {
  args: string[]
  namespace: string
  overwrite: boolean
  all: boolean
  selector?: string
  output?: string
}

/** The label changes of one command: keys to set and keys to remove. */
export interface LabelChanges {
  add: Record<string, string>
  remove: string[]
}

function isPair(arg: string): boolean {
  return (arg.includes('=') && !arg.startsWith('=')) || (arg.endsWith('-') && arg !== '-')
}

/** Splits the arguments into resources and label changes (kubectl's GetResourcesAndPairs). */
export function splitLabelArgs(args: string[]): {resources: string[]; pairs: string[]} {
  const resources: string[] = []
  const pairs: string[] = []
  for (const arg of args) {
    if (isPair(arg)) pairs.push(arg)
    else if (pairs.length) throw new CliError(`all resources must be specified before label changes: ${arg}`)
    else resources.push(arg)
  }
  return {resources, pairs}
}

/** Parses `k=v` and `k-` changes, with kubectl's client-side checks of the values. */
export function parseLabelChanges(pairs: string[]): LabelChanges {
  const changes: LabelChanges = {add: {}, remove: []}
  for (const pair of pairs) {
    if (pair.includes('=')) {
      const parts = pair.split('=')
      if (parts.length !== 2) throw new CliError(`invalid label spec: ${pair}`)
      const errs = isValidLabelValue(parts[1])
      if (errs.length) throw new CliError(`invalid label value: "${pair}": ${errs.join('; ')}`)
      changes.add[parts[0]] = parts[1]
    } else {
      changes.remove.push(pair.slice(0, -1))
    }
  }
  if (changes.remove.some((key) => key in changes.add)) throw new CliError('can not both modify and remove a label in the same command')
  return changes
}

/** Returns the labels after the changes, and the removed keys that were not there; throws without --overwrite. */
export function applyLabelChanges(labels: Record<string, string>, changes: LabelChanges, overwrite: boolean): {labels: Record<string, string>; missing: string[]} {
  const next = {...labels}
  for (const [key, value] of Object.entries(changes.add)) {
    if (!overwrite && key in next && next[key] !== value) {
      throw new CliError(`'${key}' already has a value (${next[key]}), and --overwrite is false`)
    }
    next[key] = value
  }
  const missing: string[] = []
  for (const key of changes.remove) {
    if (key in next) delete next[key]
    else missing.push(key)
  }
  return {labels: next, missing}
}

function serializedLength(labels: Record<string, string>): number {
  return Object.keys(labels).length ? `"labels":${JSON.stringify(labels)},`.length : 0
}

/** Returns kubectl's verdict for one object: `labeled`, `not labeled` or `unlabeled`. */
export function labelChangeMessage(before: Record<string, string>, after: Record<string, string>, overwrite: boolean): string {
  if (JSON.stringify(before) === JSON.stringify(after)) return 'not labeled'
  if (!overwrite && serializedLength(after) < serializedLength(before)) return 'unlabeled'
  return 'labeled'
}

/** Checks the arguments and flags before any object is touched; returns the requests and the changes. */
export function completeLabel(options: LabelOptions): {requests: ResourceRequest[]; changes: LabelChanges; matches?: LabelMatcher} {
  const {resources, pairs} = splitLabelArgs(options.args)
  const changes = parseLabelChanges(pairs)
  if (options.all && options.selector !== undefined) throw new CliError('cannot set --all and --selector at the same time')
  if (resources.length === 0) throw new CliError('one or more resources must be specified as <resource> <name> or <resource>/<name>')
  if (Object.keys(changes.add).length === 0 && changes.remove.length === 0) throw new CliError('at least one label update is required')
  const requests = parseResourceArgs(resources)
  const named = requests.some((r) => r.names.length > 0)
  if (named && options.selector !== undefined) throw new CliError('name cannot be provided when a selector is specified')
  if (!named && !options.all && options.selector === undefined) throw new CliError('resource(s) were provided, but no name was specified')
  const matches = options.selector === undefined ? undefined : compileSelector(options.selector, requests[0]?.info)
  return {requests, changes, matches}
}

function labelOne(cluster: Cluster, info: ResourceInfo, obj: KubeObject, changes: LabelChanges, options: LabelOptions, result: CommandOutput): void {
  const before = obj.metadata.labels ?? {}
  const {labels, missing} = applyLabelChanges(before, changes, options.overwrite)
  for (const key of missing) result.out(`label "${key}" not found.\n`)
  const message = labelChangeMessage(before, labels, options.overwrite)
  let current = obj
  if (message !== 'not labeled') {
    const errs = validateLabelMap(labels, FieldPath.of('metadata', 'labels'))
    if (errs.length) throw invalidError(obj.apiVersion, obj.kind, obj.metadata.name ?? '', errs)
    const next = structuredClone(obj)
    next.metadata.labels = labels
    if (Object.keys(labels).length === 0) delete next.metadata.labels
    current = cluster.update(next, false)
  }
  if (options.output) result.out(printLabeled(options.output, current))
  else result.out(`${kindPath(info)}/${obj.metadata.name} ${message}\n`)
}

const PRINTER_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml'

/** Prints a labeled object with -o; a table format is refused (after the patch, as kubectl does). */
function printLabeled(output: string, obj: KubeObject): string {
  let table = true
  try {
    table = resolvePrinter(output).family === 'table'
  } catch {
    // an unknown format: kubectl's label command lists its own (shorter) set of formats
  }
  if (table) throw new CliError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${PRINTER_FORMATS}`)
  return printedString(printStructured(output, [obj], true)) // now: later patches must not show
}

/** Runs `kbe label` against the cluster. */
export function runLabel(options: LabelOptions, cluster: Cluster): CommandOutput {
  const {requests, changes, matches} = completeLabel(options)
  const result = new CommandOutput()
  for (const request of requests) {
    const targets = request.names.length ? request.names.map((name) => ({...request, names: [name]})) : [request]
    for (const target of targets) {
      const {objects, errors} = fetchRequest(cluster, target, options.namespace, target.names.length ? undefined : matches)
      for (const e of errors) result.fail(e)
      for (const obj of objects) {
        try {
          labelOne(cluster, request.info, obj, changes, options, result)
        } catch (error) {
          result.fail(error)
        }
      }
    }
  }
  return result
}
