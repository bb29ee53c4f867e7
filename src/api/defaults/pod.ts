// Pod and pod-template defaulting of the v1.32 apiserver: SetDefaults_PodSpec (restartPolicy,
// terminationGracePeriodSeconds, dnsPolicy, securityContext, schedulerName), volume-source defaults,
// SetDefaults_Pod (enableServiceLinks, requests from limits, host-network ports), the create-time
// admission plugins for pods (ServiceAccount name, DefaultTolerationSeconds, Priority) and the pod
// strategy's initial status (Pending + QoS class). The projected service-account volume is NOT added
// here (its name has a random suffix); see service-account.ts.

import {defaultContainer, defaultFieldRef, defaultRequestsFromLimits} from './container.js'
import {quantityValue} from '../schema/quantity.js'

type Obj = Record<string, unknown>

function containersOf(spec: Obj): Obj[] {
  return [...((spec.containers as Obj[] | undefined) ?? []), ...((spec.initContainers as Obj[] | undefined) ?? []), ...((spec.ephemeralContainers as Obj[] | undefined) ?? [])]
}

function defaultVolume(vol: Obj): void {
  const sources = Object.keys(vol).filter((k) => k !== 'name' && vol[k] !== null && vol[k] !== undefined)
  if (sources.length === 0) vol.emptyDir = {}
  const withMode = (src: unknown) => {
    if (src && typeof src === 'object' && (src as Obj).defaultMode === undefined) (src as Obj).defaultMode = 420
  }
  withMode(vol.secret)
  withMode(vol.configMap)
  withMode(vol.downwardAPI)
  withMode(vol.projected)
  const hostPath = vol.hostPath as Obj | undefined
  if (hostPath && hostPath.type === undefined) hostPath.type = ''
  for (const item of ((vol.downwardAPI as Obj | undefined)?.items as Obj[] | undefined) ?? []) defaultFieldRef(item.fieldRef as Obj | undefined)
  for (const src of ((vol.projected as Obj | undefined)?.sources as Obj[] | undefined) ?? []) {
    const token = src.serviceAccountToken as Obj | undefined
    if (token && token.expirationSeconds === undefined) token.expirationSeconds = 3600
    for (const item of ((src.downwardAPI as Obj | undefined)?.items as Obj[] | undefined) ?? []) defaultFieldRef(item.fieldRef as Obj | undefined)
  }
}

/** Applies the PodSpec defaults shared by pods and pod templates, in place. */
export function defaultPodSpec(spec: Obj): void {
  for (const vol of (spec.volumes as Obj[] | undefined) ?? []) defaultVolume(vol)
  for (const c of containersOf(spec)) defaultContainer(c)
  if (!spec.restartPolicy) spec.restartPolicy = 'Always'
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) spec.terminationGracePeriodSeconds = 30
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst'
  if (!spec.securityContext) spec.securityContext = {}
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler'
}

function defaultHostNetworkPorts(spec: Obj): void {
  if (spec.hostNetwork !== true) return
  for (const c of containersOf(spec)) {
    for (const port of (c.ports as Obj[] | undefined) ?? []) {
      if (!port.hostPort) port.hostPort = port.containerPort
    }
  }
}

const NOT_READY = {key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300}
const UNREACHABLE = {key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300}

function tolerates(tolerations: Obj[], key: string): boolean {
  return tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect))
}

// The admission plugins that run for pods on create: ServiceAccount (name only), DefaultTolerationSeconds, Priority.
function admitPod(spec: Obj): void {
  const sa = (spec.serviceAccountName || spec.serviceAccount || 'default') as string
  spec.serviceAccountName = sa
  spec.serviceAccount = sa
  const tolerations = ((spec.tolerations as Obj[] | undefined) ?? []).slice()
  if (!tolerates(tolerations, NOT_READY.key)) tolerations.push({...NOT_READY})
  if (!tolerates(tolerations, UNREACHABLE.key)) tolerations.push({...UNREACHABLE})
  spec.tolerations = tolerations
  if (spec.priority === undefined) spec.priority = PRIORITY_CLASSES[(spec.priorityClassName as string | undefined) ?? ''] ?? 0
  if (!spec.preemptionPolicy) spec.preemptionPolicy = 'PreemptLowerPriority'
}

// Priorities of the built-in PriorityClasses; '' is a pod without a class (no global default class).
const PRIORITY_CLASSES: Record<string, number> = {'': 0, 'system-cluster-critical': 2000000000, 'system-node-critical': 2000001000}

/** Returns the pod's QoS class (Guaranteed, Burstable or BestEffort), from cpu and memory only. */
export function podQOSClass(spec: Obj): string {
  const requests = new Map<string, number>()
  const limits = new Map<string, number>()
  let guaranteed = true
  const all = [...((spec.containers as Obj[] | undefined) ?? []), ...((spec.initContainers as Obj[] | undefined) ?? [])]
  for (const c of all) {
    const res = (c.resources ?? {}) as {requests?: Record<string, string>; limits?: Record<string, string>}
    const found = new Set<string>()
    for (const [into, list, track] of [[requests, res.requests, false], [limits, res.limits, true]] as const) {
      for (const name of ['cpu', 'memory']) {
        const v = quantityValue(list?.[name])
        if (v === undefined || v <= 0) continue
        into.set(name, (into.get(name) ?? 0) + v)
        if (track) found.add(name)
      }
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort'
  if (guaranteed) {
    for (const [name, req] of requests) if (limits.get(name) !== req) guaranteed = false
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable'
}

/** Applies the defaults, admission mutations and initial status of a Pod on create, in place. */
export function defaultPod(pod: Obj): void {
  const spec = (pod.spec ?? {}) as Obj
  pod.spec = spec
  defaultPodSpec(spec)
  for (const c of [...((spec.containers as Obj[] | undefined) ?? []), ...((spec.initContainers as Obj[] | undefined) ?? [])]) defaultRequestsFromLimits(c)
  if (spec.enableServiceLinks === undefined || spec.enableServiceLinks === null) spec.enableServiceLinks = true
  defaultHostNetworkPorts(spec)
  admitPod(spec)
  const status: Obj = {phase: 'Pending'}
  if ((spec.schedulingGates as unknown[] | undefined)?.length) {
    status.conditions = [{type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: null, reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates'}]
  }
  status.qosClass = podQOSClass(spec)
  pod.status = status
}
