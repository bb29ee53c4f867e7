// Container validation (validateContainerCommon, validateContainers, validateInitContainers): names,
// image, termination message policy, ports, env, volume mounts, pull policy, resources, probes, and
// duplicate names / host ports across the list, in the apiserver's order.

import {duplicate, forbidden, invalidEach, invalidValue, notFoundValue, notSupported, required, type FieldError, FieldPath} from './field.js'
import {isDNS1123Label, isValidPortName, isValidPortNum} from './names.js'
import {validateEnv, validateEnvFrom, type EnvFromSource, type EnvVar} from './env.js'
import {validateLocalDescendingPath} from './paths.js'
import {validateLifecycle, validateLivenessOrStartupProbe, validateReadinessProbe, type Handler, type Probe} from './probes.js'
import {validateResources, type Resources} from './resources.js'

export interface ContainerLike {
  name?: string
  image?: string
  ports?: {name?: string; containerPort?: number; hostPort?: number; protocol?: string; hostIP?: string}[]
  env?: EnvVar[]
  envFrom?: EnvFromSource[]
  resources?: Resources
  volumeMounts?: {name?: string; mountPath?: string; subPath?: string; subPathExpr?: string}[]
  livenessProbe?: Probe
  readinessProbe?: Probe
  startupProbe?: Probe
  lifecycle?: {postStart?: Handler; preStop?: Handler}
  terminationMessagePolicy?: string
  imagePullPolicy?: string
  restartPolicy?: string
}

const PROTOCOLS = ['SCTP', 'TCP', 'UDP']
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never']

/** Returns the errors of a container's ports: names (IANA, unique), containerPort, hostPort, protocol. */
export function validateContainerPorts(ports: ContainerLike['ports'], path: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  const names = new Set<string>()
  ;(ports ?? []).forEach((port, i) => {
    const idxPath = path.index(i)
    if (port.name) {
      const msgs = isValidPortName(port.name)
      if (msgs.length > 0) errs.push(...invalidEach(idxPath.child('name'), port.name, msgs))
      else if (names.has(port.name)) errs.push(duplicate(idxPath.child('name'), port.name))
      else names.add(port.name)
    }
    if (!port.containerPort) errs.push(required(idxPath.child('containerPort')))
    else errs.push(...invalidEach(idxPath.child('containerPort'), port.containerPort, isValidPortNum(port.containerPort)))
    if (port.hostPort) errs.push(...invalidEach(idxPath.child('hostPort'), port.hostPort, isValidPortNum(port.hostPort)))
    if (!port.protocol) errs.push(required(idxPath.child('protocol')))
    else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(idxPath.child('protocol'), port.protocol, PROTOCOLS))
  })
  return errs
}

function validateVolumeMounts(mounts: ContainerLike['volumeMounts'], volumes: ReadonlySet<string>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  const mountPoints = new Set<string>()
  ;(mounts ?? []).forEach((m, i) => {
    const idxPath = path.index(i)
    if (!m.name) errs.push(required(idxPath.child('name')))
    if (!volumes.has(m.name ?? '')) errs.push(notFoundValue(idxPath.child('name'), m.name ?? ''))
    if (!m.mountPath) errs.push(required(idxPath.child('mountPath')))
    if (mountPoints.has(m.mountPath ?? '')) errs.push(invalidValue(idxPath.child('mountPath'), m.mountPath ?? '', 'must be unique'))
    mountPoints.add(m.mountPath ?? '')
    // Upstream checks subPath on the list path (no index).
    if (m.subPath) errs.push(...validateLocalDescendingPath(m.subPath, path.child('subPath')))
    if (m.subPathExpr) {
      if (m.subPath) errs.push(invalidValue(idxPath.child('subPathExpr'), m.subPathExpr, 'subPathExpr and subPath are mutually exclusive'))
      errs.push(...validateLocalDescendingPath(m.subPathExpr, path.child('subPathExpr')))
    }
  })
  return errs
}

function validatePullPolicy(policy: string | undefined, path: FieldPath): FieldError[] {
  if (!policy) return [required(path)]
  return PULL_POLICIES.includes(policy) ? [] : [notSupported(path, policy, PULL_POLICIES)]
}

/** Returns the errors every kind of container shares (validateContainerCommon). */
export function validateContainerCommon(c: ContainerLike, volumes: ReadonlySet<string>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  const namePath = path.child('name')
  if (!c.name) errs.push(required(namePath))
  else errs.push(...invalidEach(namePath, c.name, isDNS1123Label(c.name)))
  if (!c.image) errs.push(required(path.child('image')))
  const tmp = c.terminationMessagePolicy
  if (!tmp) errs.push(required(path.child('terminationMessagePolicy')))
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') errs.push(notSupported(path.child('terminationMessagePolicy'), tmp, ['File', 'FallbackToLogsOnError']))
  errs.push(...validateContainerPorts(c.ports, path.child('ports')))
  errs.push(...validateEnv(c.env, path.child('env')))
  errs.push(...validateEnvFrom(c.envFrom, path.child('envFrom')))
  errs.push(...validateVolumeMounts(c.volumeMounts, volumes, path.child('volumeMounts')))
  errs.push(...validatePullPolicy(c.imagePullPolicy, path.child('imagePullPolicy')))
  errs.push(...validateResources(c.resources, path.child('resources')))
  return errs
}

function hostPortConflicts(containers: readonly ContainerLike[], path: FieldPath, seen: Set<string> = new Set()): FieldError[] {
  const errs: FieldError[] = []
  containers.forEach((c, ci) => {
    ;(c.ports ?? []).forEach((p, pi) => {
      if (!p.hostPort) return
      const key = `${p.protocol ?? ''}/${p.hostIP ?? ''}/${p.hostPort}`
      if (seen.has(key)) errs.push(duplicate(path.index(ci).child('ports').index(pi).child('hostPort'), key))
      seen.add(key)
    })
  })
  return errs
}

/** Returns the errors of the regular containers of a pod spec. */
export function validateContainers(containers: readonly ContainerLike[] | undefined, volumes: ReadonlySet<string>, gracePeriod: number | undefined, path: FieldPath): FieldError[] {
  if (!containers || containers.length === 0) return [required(path)]
  const errs: FieldError[] = []
  const names = new Set<string>()
  containers.forEach((c, i) => {
    const p = path.index(i)
    errs.push(...validateContainerCommon(c, volumes, p))
    if (names.has(c.name ?? '')) errs.push(duplicate(p.child('name'), c.name ?? ''))
    else names.add(c.name ?? '')
    errs.push(...validateLifecycle(c.lifecycle, gracePeriod, p.child('lifecycle')))
    errs.push(...validateLivenessOrStartupProbe(c.livenessProbe, gracePeriod, p.child('livenessProbe')))
    errs.push(...validateReadinessProbe(c.readinessProbe, gracePeriod, p.child('readinessProbe')))
    errs.push(...validateLivenessOrStartupProbe(c.startupProbe, gracePeriod, p.child('startupProbe')))
    if (c.restartPolicy !== undefined) errs.push(forbidden(p.child('restartPolicy'), 'may not be set for non-init containers'))
  })
  return [...errs, ...hostPortConflicts(containers, path)]
}

const INIT_FORBIDDEN = 'may not be set for init containers without restartPolicy=Always'

/** Returns the errors of the init containers (names must also differ from the regular ones). */
export function validateInitContainers(inits: readonly ContainerLike[] | undefined, regular: readonly ContainerLike[] | undefined, volumes: ReadonlySet<string>, gracePeriod: number | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  const names = new Set((regular ?? []).map((c) => c.name ?? ''))
  ;(inits ?? []).forEach((c, i) => {
    const p = path.index(i)
    errs.push(...validateContainerCommon(c, volumes, p))
    const sidecar = c.restartPolicy === 'Always'
    if (c.restartPolicy !== undefined && !sidecar) errs.push(notSupported(p.child('restartPolicy'), c.restartPolicy, ['Always']))
    if (names.has(c.name ?? '')) errs.push(duplicate(p.child('name'), c.name ?? ''))
    else if (c.name) names.add(c.name)
    errs.push(...hostPortConflicts([c], path))
    if (sidecar) {
      errs.push(...validateLifecycle(c.lifecycle, gracePeriod, p.child('lifecycle')))
      errs.push(...validateLivenessOrStartupProbe(c.livenessProbe, gracePeriod, p.child('livenessProbe')))
      errs.push(...validateReadinessProbe(c.readinessProbe, gracePeriod, p.child('readinessProbe')))
      errs.push(...validateLivenessOrStartupProbe(c.startupProbe, gracePeriod, p.child('startupProbe')))
    } else {
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        if (c[f]) errs.push(forbidden(p.child(f), INIT_FORBIDDEN))
      }
    }
  })
  return errs
}

/** Returns the pod-only container check: the image must not have surrounding whitespace. */
export function validateContainersOnlyForPod(containers: readonly ContainerLike[] | undefined, path: FieldPath): FieldError[] {
  return (containers ?? []).flatMap((c, i) => {
    const image = c.image ?? ''
    return image !== image.trim() ? [invalidValue(path.index(i).child('image'), image, 'must not have leading or trailing whitespace')] : []
  })
}
