// `kbe apply -f` (client-side apply, kubectl's default): each document is sent with its
// last-applied-configuration annotation. A new object is created (`<kind>/<name> created`); an existing
// one gets the three-way merge of its last-applied configuration, the manifest and the live object —
// `configured` when that changes anything, `unchanged` when the merge is the live object itself. An
// object made by `create` has no last-applied configuration: kubectl warns, merges two-way, and records
// it. The merged object is defaulted and validated like an apiserver update; a spec change bumps
// metadata.generation, and the controllers react (a new Deployment template starts a rollout).

import {applyDefaults} from '../api/defaults/index.js'
import {resourceForKind, type ResourceInfo} from '../api/registry.js'
import {strictDecode} from '../api/schema/decode.js'
import type {KubeObject} from '../api/types.js'
import {throwIfInvalid} from '../api/validation/index.js'
import type {Cluster} from '../cluster/cluster.js'
import {convertLegacyApps} from '../controllers/deployment-legacy.js'
import {lastApplied, threeWayMerge, withLastApplied} from './apply-merge.js'
import {forEachDocument, type CreateOptions} from './create.js'
import type {Sources} from './manifest-source.js'
import {CommandOutput} from './output.js'
import {CliError} from '../api/errors.js'

type Obj = Record<string, unknown>

/** kubectl's warning for an object that was not created by apply (or create --save-config). */
export function missingAnnotationWarning(info: ResourceInfo, name: string): string {
  return `Warning: resource ${info.resource}/${name} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`
}

/** Returns the live object updated by the merge, defaulted and validated as an apiserver update would. */
export function mergedObject(live: KubeObject, modified: Obj): KubeObject {
  const merged = threeWayMerge(lastApplied(live as unknown as Obj), modified, live as unknown as Obj) as unknown as KubeObject
  merged.apiVersion = live.apiVersion
  merged.kind = live.kind
  return merged
}

function defaultedUpdate(live: KubeObject, merged: KubeObject): KubeObject {
  const defaulted = applyDefaults(merged)
  // Create-time strategy fields stay as they are on an update.
  defaulted.metadata = merged.metadata
  const status = (live as {status?: unknown}).status
  if (status !== undefined) (defaulted as {status?: unknown}).status = status
  else delete (defaulted as {status?: unknown}).status
  throwIfInvalid(defaulted)
  return defaulted
}

/** Applies one prepared manifest; returns the verb kubectl prints (created, configured, unchanged). */
export function applyObject(cluster: Cluster, manifest: KubeObject, result: CommandOutput): string {
  const info = resourceForKind(manifest.apiVersion, manifest.kind) as ResourceInfo
  const name = manifest.metadata.name
  if (!name) throw new CliError('cannot use generate name with apply')
  const modified = withLastApplied(manifest as unknown as Obj)
  const live = cluster.store.find(info.resource, info.namespaced ? manifest.metadata.namespace : undefined, name)
  if (!live) {
    cluster.create(modified as unknown as KubeObject)
    return 'created'
  }
  strictDecode(convertLegacyApps(modified as unknown as KubeObject) as unknown as Obj)
  if (!lastApplied(live as unknown as Obj)) result.err(missingAnnotationWarning(info, name))
  const merged = mergedObject(live, modified)
  if (JSON.stringify(sortKeys(merged)) === JSON.stringify(sortKeys(live))) return 'unchanged'
  const updated = defaultedUpdate(live, merged)
  const specChanged = JSON.stringify(sortKeys((live as {spec?: unknown}).spec)) !== JSON.stringify(sortKeys((updated as {spec?: unknown}).spec))
  cluster.update(updated, specChanged)
  return 'configured'
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Obj)[k])]))
  }
  return value
}

/** Runs `kbe apply -f` for documents already read. */
export function runApply(options: CreateOptions, sources: Sources, cluster: Cluster): CommandOutput {
  const exists = (obj: KubeObject) => cluster.store.find((resourceForKind(obj.apiVersion, obj.kind) as ResourceInfo).resource, obj.metadata.namespace, obj.metadata.name ?? '')
  return forEachDocument('apply', options, sources, (obj, result) => applyObject(cluster, obj, result), (obj) => (exists(obj) ? 'patching' : 'creating'))
}
