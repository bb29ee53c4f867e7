// `kbe create -f`: every document of every source is sent to the cluster in order, as kubectl's
// resource builder does: the kind must be one the cluster serves, the object's namespace must agree with
// -n, and each success prints `<kind>/<name> created` while each failure prints its error (with the
// source it came from) and makes the exit code 1 without stopping the others.

import {CliError} from '../api/errors.js'
import {kindPath, resourceForKind} from '../api/registry.js'
import type {KubeObject} from '../api/types.js'
import type {Cluster} from '../cluster/cluster.js'
import type {Sources} from './manifest-source.js'
import {addSourceToError} from './errors.js'
import {noKindMatch} from './manifest-source.js'
import {CommandOutput} from './output.js'

export interface CreateOptions {
  namespace: string
  /** Whether -n was given (then it must agree with the objects' own namespaces). */
  namespaceGiven: boolean
}

/** Returns the object to create with its namespace settled, or throws kubectl's client-side error. */
export function prepareObject(doc: Sources['documents'][number], options: CreateOptions): KubeObject {
  const obj = structuredClone(doc.object) as unknown as KubeObject
  const info = resourceForKind(String(obj.apiVersion ?? ''), String(obj.kind ?? ''))
  if (!info) throw noKindMatch(doc)
  if (!info.simulated) {
    throw new CliError(`kbe's simulated cluster cannot create ${obj.kind} objects yet (from "${doc.source}")`)
  }
  obj.metadata ??= {}
  if (typeof obj.metadata !== 'object' || Array.isArray(obj.metadata)) return obj
  if (!info.namespaced) {
    delete obj.metadata.namespace
    return obj
  }
  const own = obj.metadata.namespace
  if (own && options.namespaceGiven && own !== options.namespace) {
    throw new CliError(`the namespace from the provided object "${own}" does not match the namespace "${options.namespace}". You must pass '--namespace=${own}' to perform this operation.`)
  }
  obj.metadata.namespace = own || options.namespace
  return obj
}

/**
 * Sends every document of `sources` through `act`, kubectl's way: client-side problems (mapping,
 * namespace) are reported without source context, server errors with `error when <verb> "<source>"`,
 * and unreadable sources after everything else. `act` returns the verb printed after `<kind>/<name>`.
 */
export function forEachDocument(verb: string, options: CreateOptions, sources: Sources, act: (obj: KubeObject, result: CommandOutput) => string, failedVerb: (obj: KubeObject) => string): CommandOutput {
  const result = new CommandOutput()
  if (sources.documents.length === 0 && sources.errors.length === 0) throw new CliError(`no objects passed to ${verb}`)
  for (const doc of sources.documents) {
    let obj: KubeObject
    try {
      obj = prepareObject(doc, options)
    } catch (error) {
      // Mapping and namespace problems are found on the client, before any request: no source context.
      result.fail(error)
      continue
    }
    try {
      const done = act(obj, result)
      const info = resourceForKind(obj.apiVersion, obj.kind)
      result.out(`${info ? kindPath(info) : obj.kind.toLowerCase()}/${obj.metadata.name} ${done}\n`)
    } catch (error) {
      result.fail(addSourceToError(failedVerb(obj), doc.source, error))
    }
  }
  for (const error of sources.errors) result.fail(error)
  return result
}

/** Runs `kbe create -f` for documents already read. */
export function runCreate(options: CreateOptions, sources: Sources, cluster: Cluster): CommandOutput {
  return forEachDocument('create', options, sources, (obj) => {
    const created = cluster.create(obj)
    obj.metadata.name = created.metadata.name
    return 'created'
  }, () => 'creating')
}
