// The kind/resource/alias registry: what `kubectl api-resources` would list for the kinds kbe knows,
// and how a user's spelling (plural, singular, short name, kind, group-qualified forms, any case)
// resolves to one resource. `simulated` marks the kinds kbe stores and reconciles; the others are
// known to kubectl and list as empty, so `kbe get configmaps` answers like a fresh cluster would.

export interface ResourceInfo {
  /** Plural resource name, e.g. `pods`. */
  resource: string
  singular: string
  shortNames: string[]
  kind: string
  /** API group, '' for the core group. */
  group: string
  version: string
  namespaced: boolean
  /** Whether kbe stores and simulates objects of this kind. */
  simulated: boolean
}

const R = (resource: string, kind: string, group: string, version: string, namespaced: boolean, shortNames: string[] = [], simulated = false): ResourceInfo => ({
  resource, singular: kind.toLowerCase(), shortNames, kind, group, version, namespaced, simulated,
})

/** Every resource kbe knows, in discovery order. */
export const RESOURCES: readonly ResourceInfo[] = [
  R('pods', 'Pod', '', 'v1', true, ['po'], true),
  R('services', 'Service', '', 'v1', true, ['svc'], true),
  R('replicationcontrollers', 'ReplicationController', '', 'v1', true, ['rc'], true),
  R('endpoints', 'Endpoints', '', 'v1', true, ['ep'], true),
  R('namespaces', 'Namespace', '', 'v1', false, ['ns'], true),
  R('nodes', 'Node', '', 'v1', false, ['no'], true),
  R('events', 'Event', '', 'v1', true, ['ev'], true),
  R('configmaps', 'ConfigMap', '', 'v1', true, ['cm']),
  R('secrets', 'Secret', '', 'v1', true),
  R('serviceaccounts', 'ServiceAccount', '', 'v1', true, ['sa']),
  R('persistentvolumeclaims', 'PersistentVolumeClaim', '', 'v1', true, ['pvc']),
  R('persistentvolumes', 'PersistentVolume', '', 'v1', false, ['pv']),
  R('limitranges', 'LimitRange', '', 'v1', true, ['limits']),
  R('resourcequotas', 'ResourceQuota', '', 'v1', true, ['quota']),
  R('deployments', 'Deployment', 'apps', 'v1', true, ['deploy'], true),
  R('replicasets', 'ReplicaSet', 'apps', 'v1', true, ['rs'], true),
  R('daemonsets', 'DaemonSet', 'apps', 'v1', true, ['ds']),
  R('statefulsets', 'StatefulSet', 'apps', 'v1', true, ['sts']),
  R('jobs', 'Job', 'batch', 'v1', true),
  R('cronjobs', 'CronJob', 'batch', 'v1', true, ['cj']),
  R('horizontalpodautoscalers', 'HorizontalPodAutoscaler', 'autoscaling', 'v2', true, ['hpa']),
  R('endpointslices', 'EndpointSlice', 'discovery.k8s.io', 'v1', true),
  R('leases', 'Lease', 'coordination.k8s.io', 'v1', true),
]
// `endpoints` is its own singular in discovery.
;(RESOURCES.find((r) => r.resource === 'endpoints') as ResourceInfo).singular = 'endpoints'

/** The resources of the `all` category, in kubectl's order. */
export const ALL_CATEGORY = ['pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'horizontalpodautoscalers', 'cronjobs', 'jobs']

/** Returns the resource a user's spelling names, or undefined when kubectl would not know it. */
export function resolveResource(spelling: string): ResourceInfo | undefined {
  const lower = spelling.toLowerCase()
  const dot = lower.indexOf('.')
  const name = dot === -1 ? lower : lower.slice(0, dot)
  const qualifier = dot === -1 ? undefined : lower.slice(dot + 1)
  const matches = RESOURCES.filter((r) => r.resource === name || r.singular === name || r.kind.toLowerCase() === name || r.shortNames.includes(name))
  if (qualifier === undefined) return matches[0]
  return matches.find((r) => qualifier === r.group || qualifier === `${r.version}.${r.group}` || (r.group === '' && (qualifier === r.version || qualifier === `${r.version}.`)))
}

/** Returns the resource for an object's apiVersion and kind, or undefined when kbe doesn't know the kind. */
export function resourceForKind(apiVersion: string, kind: string): ResourceInfo | undefined {
  let group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : ''
  // extensions/v1beta1 Deployments and ReplicaSets are the apps ones (admission converts them).
  if (group === 'extensions' && (kind === 'Deployment' || kind === 'ReplicaSet')) group = 'apps'
  return RESOURCES.find((r) => r.kind === kind && r.group === group)
}

/** Returns `resource` or `resource.group`: how API errors name a resource (`deployments.apps`). */
export function qualifiedResource(info: ResourceInfo): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource
}

/** Returns `kind` or `kind.group` lowercased: the prefix of `-o name` and of mutating messages. */
export function kindPath(info: ResourceInfo): string {
  const kind = info.kind.toLowerCase()
  return info.group ? `${kind}.${info.group}` : kind
}
