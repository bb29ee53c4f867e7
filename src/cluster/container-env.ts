// A container's process environment as the node builds it (kubelet + cri-dockerd + runc), in environ
// order: PATH (the image's value, in the slot docker's default takes), HOSTNAME (the pod name),
// TERM=xterm for a TTY, the container's `env` (values with `$(VAR)` expanded, `valueFrom.fieldRef`
// resolved from the pod), the service link variables the kubelet injects for every Service of the
// pod's namespace that existed when the container started plus the master `kubernetes` Service,
// then the image's other ENV lines, and HOME (runc adds it for root when nothing set it). The
// kubelet builds both maps with Go map iteration, so the real order of those two groups changes from
// one container to the next; kbe fixes it: the declared order, then services by name, each in the
// order kubelet's envvars.FromServices lists them. Pure: the callers pass the pod and the Services.
import type {Container, EnvVar, Pod, Service} from '../api/types.js'
import {canonicalImage} from '../apps/registry.js'
import type {ContainerEnv} from '../apps/types.js'

const DEBIAN_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
const PYTHON_27_ENV: [string, string][] = [
  ['PATH', `/usr/local/bin:${DEBIAN_PATH}`], ['LANG', 'C.UTF-8'], ['GPG_KEY', 'C01E1CAD5EA2C4F0B8E3571504C367C218ADD4FF'],
  ['PYTHON_VERSION', '2.7.13'], ['PYTHON_PIP_VERSION', '9.0.1'],
]
const SIMPLESERVICE_05_ENV: [string, string][] = [...PYTHON_27_ENV, ['REFRESHED_AT', '2017-04-24T13:50']]
const NGINX_ENV: [string, string][] = [
  ['PATH', DEBIAN_PATH], ['NGINX_VERSION', '1.27.5'], ['NJS_VERSION', '0.8.10'], ['NJS_RELEASE', '1~bookworm'],
  ['PKG_RELEASE', '1~bookworm'], ['DYNPKG_RELEASE', '1~bookworm'],
]

/** The ENV of the images kbe knows (by canonical name); any other image gets docker's default PATH only. */
const IMAGE_ENV: Record<string, [string, string][]> = {
  'mhausenblas/simpleservice:0.5.0': SIMPLESERVICE_05_ENV,
  'quay.io/openshiftlabs/simpleservice:0.5.0': SIMPLESERVICE_05_ENV,
  'quay.io/mhausenblas/simpleservice:0.5.0': SIMPLESERVICE_05_ENV,
  'mhausenblas/simpleservice:0.4.0': PYTHON_27_ENV,
  'centos:7': [['PATH', DEBIAN_PATH]],
}

/** Returns the ENV lines of an image's config, in Dockerfile order. */
export function imageEnv(image: string): [string, string][] {
  const name = canonicalImage(image)
  if (IMAGE_ENV[name]) return IMAGE_ENV[name]
  if (name.replace(/[:@].*$/, '') === 'nginx') return NGINX_ENV
  return [['PATH', DEBIAN_PATH]]
}

function envName(serviceName: string): string {
  return serviceName.toUpperCase().replace(/-/g, '_')
}

function hasClusterIP(service: Service): boolean {
  const ip = service.spec.clusterIP ?? ''
  return ip !== '' && ip !== 'None'
}

/** Returns the variables the kubelet derives from one Service (envvars.FromServices), in its order. */
export function serviceLinkVariables(service: Service): [string, string][] {
  const ports = service.spec.ports ?? []
  if (!hasClusterIP(service) || ports.length === 0) return []
  const prefix = envName(service.metadata.name as string)
  const ip = service.spec.clusterIP as string
  const vars: [string, string][] = [[`${prefix}_SERVICE_HOST`, ip], [`${prefix}_SERVICE_PORT`, String(ports[0].port)]]
  for (const port of ports) if (port.name) vars.push([`${prefix}_SERVICE_PORT_${envName(port.name)}`, String(port.port)])
  ports.forEach((port, i) => {
    const protocol = port.protocol || 'TCP'
    const url = `${protocol.toLowerCase()}://${ip}:${port.port}`
    if (i === 0) vars.push([`${prefix}_PORT`, url])
    const portPrefix = `${prefix}_PORT_${port.port}_${protocol.toUpperCase()}`
    vars.push([portPrefix, url], [`${portPrefix}_PROTO`, protocol.toLowerCase()], [`${portPrefix}_PORT`, String(port.port)], [`${portPrefix}_ADDR`, ip])
  })
  return vars
}

/** Returns the service link variables of a pod: its namespace's Services (unless enableServiceLinks is false) and default/kubernetes, created by `at`. */
export function serviceEnvironment(pod: Pod, services: Service[], at?: string): [string, string][] {
  const namespace = pod.metadata.namespace ?? 'default'
  const links = pod.spec.enableServiceLinks !== false
  const existed = (s: Service) => at === undefined || (s.metadata.creationTimestamp ?? '') <= at
  const byName = new Map<string, Service>()
  for (const service of services) {
    if (!existed(service)) continue
    const name = service.metadata.name as string
    const ns = service.metadata.namespace ?? 'default'
    if (ns === namespace && links) byName.set(name, service)
    else if (ns === 'default' && name === 'kubernetes' && !byName.has(name)) byName.set(name, service)
  }
  return [...byName.keys()].sort().flatMap((name) => serviceLinkVariables(byName.get(name) as Service))
}

/** Returns the value of a downward API field path of the pod, or undefined when kbe does not know it. */
export function podFieldValue(pod: Pod, fieldPath: string): string | undefined {
  const label = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(fieldPath)
  if (label) return (label[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[label[2]] ?? ''
  const fields: Record<string, string | undefined> = {
    'metadata.name': pod.metadata.name, 'metadata.namespace': pod.metadata.namespace ?? 'default', 'metadata.uid': pod.metadata.uid,
    'spec.nodeName': pod.spec.nodeName, 'spec.serviceAccountName': pod.spec.serviceAccountName,
    'status.hostIP': pod.status?.hostIP, 'status.podIP': pod.status?.podIP,
    'status.hostIPs': pod.status?.hostIPs?.map((a) => a.ip).join(','), 'status.podIPs': pod.status?.podIPs?.map((a) => a.ip).join(','),
  }
  return fieldPath in fields ? (fields[fieldPath] ?? '') : undefined
}

/** Returns `value` with `$(NAME)` references expanded from `known` (unknown ones stay as written, `$$` escapes). */
export function expandEnvValue(value: string, known: ReadonlyMap<string, string>): string {
  return value.replace(/\$\$|\$\(([^)]*)\)/g, (whole, name: string | undefined) => {
    if (whole === '$$') return '$'
    return name !== undefined && known.has(name) ? (known.get(name) as string) : whole
  })
}

function declaredEnv(pod: Pod, container: Container, serviceEnv: [string, string][]): [string, string][] {
  const known = new Map(serviceEnv)
  const result: [string, string][] = []
  for (const variable of container.env ?? []) {
    const value = resolveEnvVar(pod, variable, known)
    if (value === undefined) continue
    known.set(variable.name, value)
    const existing = result.findIndex(([name]) => name === variable.name)
    if (existing >= 0) result[existing] = [variable.name, value]
    else result.push([variable.name, value])
  }
  return result
}

function resolveEnvVar(pod: Pod, variable: EnvVar, known: ReadonlyMap<string, string>): string | undefined {
  if (variable.valueFrom?.fieldRef) return podFieldValue(pod, variable.valueFrom.fieldRef.fieldPath)
  if (variable.valueFrom) return undefined
  return expandEnvValue(variable.value ?? '', known)
}

export interface EnvOptions {
  /** Whether the process has a TTY (docker adds TERM=xterm). */
  tty?: boolean
  /** When the container started (RFC 3339): Services created later are not in its environment. */
  startedAt?: string
}

/** Returns the environment of a process in `container` of `pod`, in environ order. */
export function containerEnvironment(pod: Pod, container: Container, services: Service[], options: EnvOptions = {}): ContainerEnv {
  const image = imageEnv(container.image ?? '')
  const serviceEnv = serviceEnvironment(pod, services, options.startedAt)
  const declared = declaredEnv(pod, container, serviceEnv)
  const user = [...declared, ...serviceEnv.filter(([name]) => !declared.some(([d]) => d === name))]
  // docker's merge: the user's variables first, then the image's lines the user did not set.
  const config = [...user, ...image.filter(([name]) => !user.some(([u]) => u === name))]
  const base: [string, string][] = [['PATH', DEBIAN_PATH], ['HOSTNAME', pod.metadata.name as string]]
  if (options.tty) base.push(['TERM', 'xterm'])
  for (const [name, value] of config) {
    const slot = base.findIndex(([b]) => b === name)
    if (slot >= 0) base[slot] = [name, value]
    else base.push([name, value])
  }
  if (!base.some(([name]) => name === 'HOME')) base.push(['HOME', '/root'])
  return base
}

/** Returns when a container of the pod started running (RFC 3339), if it runs. */
export function containerStartedAt(pod: Pod, containerName: string): string | undefined {
  return pod.status?.containerStatuses?.find((s) => s.name === containerName)?.state.running?.startedAt
}
