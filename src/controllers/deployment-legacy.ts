// The beta API versions of Deployment and ReplicaSet that the tutorial's 2017–2019 manifests use
// (apps/v1beta1, apps/v1beta2, extensions/v1beta1). A v1.32 apiserver no longer serves them; kbe accepts
// them as the apiservers of that time did and stores the object as apps/v1: a missing spec.selector
// defaults to the template labels (v1beta1 and extensions), and the version's own defaults are filled
// where the manifest leaves them out (apps/v1beta1: revisionHistoryLimit 2; extensions/v1beta1:
// maxSurge/maxUnavailable 1 and no history or progress deadline limits). Called by admission before
// strict decoding; anything else passes through unchanged. Pure.

import type {KubeObject} from '../api/types.js'

export const LEGACY_APPS_VERSIONS = ['apps/v1beta1', 'apps/v1beta2', 'extensions/v1beta1']
const KINDS = new Set(['Deployment', 'ReplicaSet'])
const MAX_INT32 = 2147483647

type Obj = Record<string, unknown>

/** Returns whether an object is a Deployment or ReplicaSet of a beta apps version. */
export function isLegacyApps(obj: {apiVersion?: unknown; kind?: unknown}): boolean {
  return LEGACY_APPS_VERSIONS.includes(String(obj.apiVersion)) && KINDS.has(String(obj.kind))
}

/** Returns the object converted to apps/v1 (a copy), or the object itself when it isn't a legacy one. */
export function convertLegacyApps<T extends KubeObject>(obj: T): T {
  if (!isLegacyApps(obj)) return obj
  const version = obj.apiVersion
  const copy = structuredClone(obj) as T & {spec?: Obj}
  copy.apiVersion = 'apps/v1'
  const spec = copy.spec
  if (!spec || typeof spec !== 'object') return copy
  const labels = ((spec.template as Obj | undefined)?.metadata as Obj | undefined)?.labels as Record<string, string> | undefined
  if (spec.selector === undefined && version !== 'apps/v1beta2' && labels && Object.keys(labels).length) {
    spec.selector = {matchLabels: {...labels}}
  }
  if (copy.kind !== 'Deployment') return copy
  if (version === 'apps/v1beta1' && spec.revisionHistoryLimit === undefined) spec.revisionHistoryLimit = 2
  if (version === 'extensions/v1beta1') {
    const strategy = (spec.strategy ?? {}) as Obj
    if (strategy.type === undefined || strategy.type === 'RollingUpdate') {
      const ru = (strategy.rollingUpdate ?? {}) as Obj
      ru.maxSurge ??= 1
      ru.maxUnavailable ??= 1
      spec.strategy = {...strategy, type: 'RollingUpdate', rollingUpdate: ru}
    }
    spec.revisionHistoryLimit ??= MAX_INT32
    spec.progressDeadlineSeconds ??= MAX_INT32
  }
  return copy
}
