// Pod and pod-template validation on create (ValidatePodCreate, ValidatePodSpec,
// ValidatePodTemplateSpec) in the apiserver's order: metadata, pod annotations, volumes, containers,
// init containers, host-network ports, restart and DNS policies, node selector, names of service
// account / node / hostname / subdomain, tolerations, priority, then the pod-only checks. Features kbe
// does not simulate (affinity, topology spread, security contexts, resource claims) are not checked.

import type {ObjectMeta} from '../types.js'
import {validateLabelMap, validateLabelName, isValidLabelValue} from '../labels/validation.js'
import {forbidden, invalidEach, invalidValue, notSupported, required, type FieldError, FieldPath} from './field.js'
import {validateAnnotations, validateObjectMeta} from './meta.js'
import {isDNS1123Label, isValidIP, nameIsDNSSubdomain, inclusiveRangeError} from './names.js'
import {validateContainers, validateContainersOnlyForPod, validateInitContainers, type ContainerLike} from './container.js'
import {validateVolumes, type Volume} from './volumes.js'

export interface PodSpecLike {
  volumes?: Volume[]
  initContainers?: ContainerLike[]
  containers?: ContainerLike[]
  ephemeralContainers?: unknown[]
  restartPolicy?: string
  terminationGracePeriodSeconds?: number
  activeDeadlineSeconds?: number
  dnsPolicy?: string
  nodeSelector?: Record<string, string>
  serviceAccountName?: string
  nodeName?: string
  hostNetwork?: boolean
  hostname?: string
  subdomain?: string
  tolerations?: {key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number}[]
  hostAliases?: {ip?: string; hostnames?: string[]}[]
  priorityClassName?: string
  preemptionPolicy?: string
  readinessGates?: {conditionType?: string}[]
  schedulingGates?: {name?: string}[]
}

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never']
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']

function validateEnum(value: string | undefined, allowed: readonly string[], path: FieldPath): FieldError[] {
  if (!value) return [required(path)]
  return allowed.includes(value) ? [] : [notSupported(path, value, allowed)]
}

function validateHostNetworkPorts(spec: PodSpecLike, path: FieldPath, resourceIsPod: boolean): FieldError[] {
  if (!spec.hostNetwork) return []
  return (spec.containers ?? []).flatMap((c, i) => (c.ports ?? []).flatMap((p, j) => {
    const hp = p.hostPort ?? 0
    if ((resourceIsPod || hp !== 0) && hp !== (p.containerPort ?? 0)) {
      return [invalidValue(path.child('containers').index(i).child('ports').index(j).child('hostPort'), hp, 'must match `containerPort` when `hostNetwork` is true')]
    }
    return []
  }))
}

/** Returns the errors of pod tolerations (ValidateTolerations). */
export function validateTolerations(tolerations: PodSpecLike['tolerations'], path: FieldPath): FieldError[] {
  return (tolerations ?? []).flatMap((t, i) => {
    const p = path.index(i)
    const errs = t.key ? validateLabelName(t.key, p.child('key')) : []
    if (!t.key && t.operator !== 'Exists') errs.push(invalidValue(p.child('operator'), t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'))
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') errs.push(invalidValue(p.child('effect'), t.effect ?? '', 'effect must be \'NoExecute\' when `tolerationSeconds` is set'))
    if (!t.operator || t.operator === 'Equal') {
      const msgs = isValidLabelValue(t.value ?? '')
      if (msgs.length > 0) errs.push(invalidValue(p.child('operator'), t.value ?? '', msgs.join(';')))
    } else if (t.operator === 'Exists') {
      if (t.value) errs.push(invalidValue(p.child('operator'), t.value, 'value must be empty when `operator` is \'Exists\''))
    } else {
      errs.push(notSupported(p.child('operator'), t.operator, ['Equal', 'Exists']))
    }
    if (t.effect && !TAINT_EFFECTS.includes(t.effect)) errs.push(notSupported(p.child('effect'), t.effect, TAINT_EFFECTS))
    return errs
  })
}

function validateNames(spec: PodSpecLike, path: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  if (spec.serviceAccountName) errs.push(...invalidEach(path.child('serviceAccountName'), spec.serviceAccountName, nameIsDNSSubdomain(spec.serviceAccountName, false)))
  if (spec.nodeName) errs.push(...invalidEach(path.child('nodeName'), spec.nodeName, nameIsDNSSubdomain(spec.nodeName, false)))
  const ads = spec.activeDeadlineSeconds
  if (ads !== undefined && (ads < 1 || ads > 2147483647)) errs.push(invalidValue(path.child('activeDeadlineSeconds'), ads, inclusiveRangeError(1, 2147483647)))
  if (spec.hostname) errs.push(...invalidEach(path.child('hostname'), spec.hostname, isDNS1123Label(spec.hostname)))
  if (spec.subdomain) errs.push(...invalidEach(path.child('subdomain'), spec.subdomain, isDNS1123Label(spec.subdomain)))
  return errs
}

/** Returns the errors of a pod spec (ValidatePodSpec); `resourceIsPod` is false inside templates. */
export function validatePodSpec(spec: PodSpecLike, path: FieldPath, resourceIsPod: boolean): FieldError[] {
  const errs: FieldError[] = []
  if (spec.terminationGracePeriodSeconds === undefined) errs.push(required(path.child('terminationGracePeriodSeconds')))
  const grace = spec.terminationGracePeriodSeconds
  const vols = validateVolumes(spec.volumes, path.child('volumes'))
  errs.push(...vols.errs)
  errs.push(...validateContainers(spec.containers, vols.names, grace, path.child('containers')))
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, vols.names, grace, path.child('initContainers')))
  errs.push(...validateHostNetworkPorts(spec, path, resourceIsPod))
  errs.push(...validateEnum(spec.restartPolicy, RESTART_POLICIES, path.child('restartPolicy')))
  errs.push(...validateEnum(spec.dnsPolicy, DNS_POLICIES, path.child('dnsPolicy')))
  errs.push(...validateLabelMap(spec.nodeSelector, path.child('nodeSelector')))
  ;(spec.readinessGates ?? []).forEach((g, i) => errs.push(...validateLabelName(g.conditionType ?? '', path.child('readinessGates').index(i).child('conditionType'))))
  errs.push(...validateSchedulingGates(spec.schedulingGates, path.child('schedulingGates')))
  errs.push(...validateNames(spec, path))
  errs.push(...validateTolerations(spec.tolerations, path.child('tolerations')))
  ;(spec.hostAliases ?? []).forEach((a, i) => {
    errs.push(...invalidEach(path.child('hostAliases').index(i).child('ip'), a.ip ?? '', isValidIP(a.ip ?? '')))
    ;(a.hostnames ?? []).forEach((h, j) => errs.push(...invalidEach(path.child('hostAliases').index(i).child('hostnames').index(j), h, nameIsDNSSubdomain(h, false))))
  })
  if (spec.priorityClassName) errs.push(...invalidEach(path.child('priorityClassName'), spec.priorityClassName, nameIsDNSSubdomain(spec.priorityClassName, false)))
  if (spec.preemptionPolicy !== undefined) errs.push(...validateEnum(spec.preemptionPolicy, ['PreemptLowerPriority', 'Never'], path.child('preemptionPolicy')))
  return errs
}

function validateSchedulingGates(gates: PodSpecLike['schedulingGates'], path: FieldPath): FieldError[] {
  const seen = new Set<string>()
  return (gates ?? []).flatMap((g, i) => {
    const errs = validateLabelName(g.name ?? '', path.index(i))
    if (seen.has(g.name ?? '')) errs.push({type: 'Duplicate', field: path.index(i).toString(), value: g.name ?? '', detail: ''})
    seen.add(g.name ?? '')
    return errs
  })
}

const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost'

/** Returns the errors of pod-specific annotations (the pod-deletion-cost must be an int32). */
export function validatePodAnnotations(annotations: Record<string, string> | undefined, path: FieldPath): FieldError[] {
  const cost = annotations?.[DELETION_COST]
  if (cost === undefined) return []
  const ok = /^[+-]?\d+$/.test(cost) && Number(cost) >= -2147483648 && Number(cost) <= 2147483647
  return ok ? [] : [invalidValue(path.key(DELETION_COST), cost, 'must be a 32bit integer')]
}

export interface PodLike {
  metadata: ObjectMeta
  spec?: PodSpecLike
}

/** Returns the errors of a pod on create (ValidatePodCreate), in the apiserver's order. */
export function validatePod(pod: PodLike): FieldError[] {
  const meta = FieldPath.of('metadata')
  const specPath = FieldPath.of('spec')
  const spec = pod.spec ?? {}
  const errs = validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain, meta)
  errs.push(...validatePodAnnotations(pod.metadata.annotations, meta.child('annotations')))
  errs.push(...validatePodSpec(spec, specPath, true))
  errs.push(...validateContainersOnlyForPod(spec.containers, specPath.child('containers')))
  errs.push(...validateContainersOnlyForPod(spec.initContainers, specPath.child('initContainers')))
  if ((spec.ephemeralContainers ?? []).length > 0) errs.push(forbidden(specPath.child('ephemeralContainers'), 'cannot be set on create'))
  if (spec.nodeName && (spec.schedulingGates ?? []).length > 0) errs.push(forbidden(specPath.child('nodeName'), 'cannot be set until all schedulingGates have been cleared'))
  return errs
}

export interface PodTemplateLike {
  metadata?: ObjectMeta
  spec?: PodSpecLike
}

/** Returns the errors of a pod template inside a controller (ValidatePodTemplateSpec). */
export function validatePodTemplateSpec(template: PodTemplateLike, path: FieldPath): FieldError[] {
  // Upstream validates template labels/annotations at `<path>.labels`, not `<path>.metadata.labels`.
  const errs = validateLabelMap(template.metadata?.labels, path.child('labels'))
  errs.push(...validateAnnotations(template.metadata?.annotations, path.child('annotations')))
  errs.push(...validatePodAnnotations(template.metadata?.annotations, path.child('annotations')))
  errs.push(...validatePodSpec(template.spec ?? {}, path.child('spec'), false))
  if ((template.spec?.ephemeralContainers ?? []).length > 0) errs.push(forbidden(path.child('spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'))
  return errs
}
