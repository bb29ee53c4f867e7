// Defaulting of controllers and namespaces on create: ReplicationController (replicas 1, selector and
// object labels from the template labels), apps/v1 ReplicaSet and Deployment (replicas, RollingUpdate
// 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600), their pod templates, the strategies'
// generation 1 and reset status, and Namespace (metadata-name label, `kubernetes` finalizer, Active).

import {defaultPodSpec} from './pod.js'

type Obj = Record<string, unknown>

function templateOf(spec: Obj): Obj | undefined {
  return spec.template as Obj | undefined
}

function defaultTemplate(template: Obj | undefined): void {
  if (!template) return
  const spec = (template.spec ?? {}) as Obj
  template.spec = spec
  defaultPodSpec(spec)
}

/** Applies the ReplicationController defaults in place. */
export function defaultReplicationController(rc: Obj): void {
  const spec = (rc.spec ?? {}) as Obj
  rc.spec = spec
  const meta = rc.metadata as Obj
  const labels = (templateOf(spec)?.metadata as Obj | undefined)?.labels as Record<string, string> | undefined
  // SetDefaults_ReplicationController: only when the template has labels (an empty map counts).
  if (labels) {
    if (Object.keys((spec.selector as Obj | undefined) ?? {}).length === 0) spec.selector = {...labels}
    if (Object.keys((meta.labels as Obj | undefined) ?? {}).length === 0) meta.labels = {...labels}
  }
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1
  defaultTemplate(templateOf(spec))
  meta.generation = 1
  rc.status = {replicas: 0}
}

/** Applies the apps/v1 ReplicaSet defaults in place. */
export function defaultReplicaSet(rs: Obj): void {
  const spec = (rs.spec ?? {}) as Obj
  rs.spec = spec
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1
  defaultTemplate(templateOf(spec))
  ;(rs.metadata as Obj).generation = 1
  rs.status = {replicas: 0}
}

function defaultStrategy(spec: Obj): void {
  const strategy = (spec.strategy ?? {}) as Obj
  spec.strategy = strategy
  if (!strategy.type) strategy.type = 'RollingUpdate'
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ?? {}) as Obj
    strategy.rollingUpdate = ru
    if (ru.maxUnavailable === undefined || ru.maxUnavailable === null) ru.maxUnavailable = '25%'
    if (ru.maxSurge === undefined || ru.maxSurge === null) ru.maxSurge = '25%'
  }
}

/** Applies the apps/v1 Deployment defaults in place. */
export function defaultDeployment(d: Obj): void {
  const spec = (d.spec ?? {}) as Obj
  d.spec = spec
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1
  defaultStrategy(spec)
  if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10
  if (spec.progressDeadlineSeconds === undefined || spec.progressDeadlineSeconds === null) spec.progressDeadlineSeconds = 600
  if (!spec.template) spec.template = {}
  defaultTemplate(templateOf(spec))
  ;(d.metadata as Obj).generation = 1
  d.status = {}
}

/** Applies the Namespace defaults and create-time strategy in place. */
export function defaultNamespace(ns: Obj): void {
  const meta = ns.metadata as Obj
  if (meta.name) meta.labels = {...((meta.labels as Obj | undefined) ?? {}), 'kubernetes.io/metadata.name': meta.name}
  const spec = (ns.spec ?? {}) as Obj
  const finalizers = ((spec.finalizers as string[] | undefined) ?? []).slice()
  if (!finalizers.includes('kubernetes')) finalizers.push('kubernetes')
  spec.finalizers = finalizers
  ns.spec = spec
  ns.status = {phase: 'Active'}
}
