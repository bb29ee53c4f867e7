// The container blocks of describe (kubectl's describeContainers and helpers): name, Container ID/Image ID
// when a status exists, ports, command/args, state, resources, probes, environment and mounts. Used by the
// pod describer (with statuses, at the top level) and by the pod template section (no statuses, indented
// by `space`). Pure formatting of the objects handed in.
import type {Container, ContainerPort, ContainerState, ContainerStatus, EnvVar, Pod, Probe} from '../../api/types.js'
import {formatQuantity, milliValue, quantityOf, unitValue} from './quantity.js'
import {formatTime, type PrefixWriter} from './writer.js'

/** Writes `<label>:` (or `<label>: <none>`) and one block per container; `space` is the template indent. */
export function writeContainers(w: PrefixWriter, label: string, containers: Container[], statuses: ContainerStatus[] | undefined, pod: Pod | undefined, space: string): void {
  w.write(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`)
  for (const container of containers) {
    const status = statuses?.find((s) => s.name === container.name)
    writeBasicInfo(w, container, status, space)
    writeCommand(w, container)
    if (status) writeState(w, status)
    writeResources(w, container)
    writeProbes(w, container)
    writeEnv(w, container, pod)
    writeMounts(w, container)
  }
}

function writeBasicInfo(w: PrefixWriter, c: Container, status: ContainerStatus | undefined, space: string): void {
  w.write(1, `${space ? ' ' : ''}${c.name}:\n`)
  if (status) w.write(2, `Container ID:\t${status.containerID ?? ''}\n`)
  w.write(2, `Image:\t${c.image ?? ''}\n`)
  if (status) w.write(2, `Image ID:\t${status.imageID ?? ''}\n`)
  const ports = portList(c.ports, (p) => p.containerPort)
  w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`)
  const hostPorts = portList(c.ports, (p) => p.hostPort ?? 0)
  w.write(2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`)
}

function portList(ports: ContainerPort[] | undefined, number: (p: ContainerPort) => number): string {
  return (ports ?? []).map((p) => `${number(p)}/${p.protocol ?? ''}`).join(', ')
}

function writeCommand(w: PrefixWriter, c: Container): void {
  for (const [title, items] of [['Command', c.command], ['Args', c.args]] as const) {
    if (!items || items.length === 0) continue
    w.write(2, `${title}:\n`)
    for (const item of items) for (const line of item.split('\n')) w.write(3, `${line}\n`)
  }
}

function writeState(w: PrefixWriter, status: ContainerStatus): void {
  writeContainerState(w, 'State', status.state ?? {})
  if (status.lastState?.terminated) writeContainerState(w, 'Last State', status.lastState)
  w.write(2, `Ready:\t${status.ready ? 'True' : 'False'}\n`)
  w.write(2, `Restart Count:\t${status.restartCount ?? 0}\n`)
}

function writeContainerState(w: PrefixWriter, name: string, state: ContainerState): void {
  if (state.running) {
    w.write(2, `${name}:\tRunning\n`)
    w.write(3, `Started:\t${formatTime(state.running.startedAt)}\n`)
  } else if (state.terminated) {
    const t = state.terminated
    w.write(2, `${name}:\tTerminated\n`)
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`)
    if (t.message) w.write(3, `Message:\t${t.message}\n`)
    w.write(3, `Exit Code:\t${t.exitCode}\n`)
    if (t.signal && t.signal > 0) w.write(3, `Signal:\t${t.signal}\n`)
    w.write(3, `Started:\t${formatTime(t.startedAt)}\n`)
    w.write(3, `Finished:\t${formatTime(t.finishedAt)}\n`)
  } else {
    w.write(2, `${name}:\tWaiting\n`)
    if (state.waiting?.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`)
  }
}

function writeResources(w: PrefixWriter, c: Container): void {
  for (const [title, list] of [['Limits', c.resources?.limits], ['Requests', c.resources?.requests]] as const) {
    const names = Object.keys(list ?? {}).sort()
    if (names.length === 0) continue
    w.write(2, `${title}:\n`)
    for (const name of names) w.write(3, `${name}:\t${formatQuantity(quantityOf(list![name]))}\n`)
  }
}

function writeProbes(w: PrefixWriter, c: Container): void {
  if (c.livenessProbe) w.write(2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`)
  if (c.readinessProbe) w.write(2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`)
  if (c.startupProbe) w.write(2, `Startup:\t${describeProbe(c.startupProbe)}\n`)
}

/** Returns a probe as kubectl's DescribeProbe does: `http-get http://:9876/health delay=2s timeout=1s …`. */
export function describeProbe(probe: Probe): string {
  const attrs = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s ` +
    `period=${probe.periodSeconds ?? 0}s #success=${probe.successThreshold ?? 0} #failure=${probe.failureThreshold ?? 0}`
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`
  if (probe.httpGet) {
    const g = probe.httpGet
    const scheme = (g.scheme ?? '').toLowerCase()
    const port = String(g.port ?? '')
    const host = port ? joinHostPort(g.host ?? '', port) : g.host ?? ''
    const path = g.path ?? ''
    // net/url.URL.String(): `scheme:` + `//host` + path, with a `/` added before a relative path.
    const url = `${scheme ? scheme + ':' : ''}//${host}${path && !path.startsWith('/') ? '/' : ''}${path}`
    return `http-get ${url} ${attrs}`
  }
  if (probe.tcpSocket) {
    const host = (probe.tcpSocket as {host?: string}).host ?? ''
    return `tcp-socket ${host}:${probe.tcpSocket.port} ${attrs}`
  }
  return `unknown ${attrs}`
}

function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

function writeEnv(w: PrefixWriter, c: Container, pod: Pod | undefined): void {
  const env = c.env ?? []
  w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`)
  for (const e of env) writeEnvVar(w, e, c, pod)
}

function writeEnvVar(w: PrefixWriter, e: EnvVar, c: Container, pod: Pod | undefined): void {
  const from = e.valueFrom
  if (!from) {
    ;(e.value ?? '').split('\n').forEach((line, i) => w.write(3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`))
  } else if (from.fieldRef) {
    const value = pod ? resolveFieldRef(pod, from.fieldRef.fieldPath) : ''
    w.write(3, `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath})\n`)
  } else if (from.resourceFieldRef) {
    const resource = from.resourceFieldRef.resource
    let value = resolveResourceFieldRef(c, resource, from.resourceFieldRef.divisor)
    if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable'
    w.write(3, `${e.name}:\t${value} (${resource})\n`)
  } else if (from.secretKeyRef) {
    const r = from.secretKeyRef
    w.write(3, `${e.name}:\t<set to the key '${r.key}' in secret '${r.name}'>\tOptional: ${r.optional === true}\n`)
  } else if (from.configMapKeyRef) {
    const r = from.configMapKeyRef
    w.write(3, `${e.name}:\t<set to the key '${r.key}' of config map '${r.name}'>\tOptional: ${r.optional === true}\n`)
  }
}

// kubectl resolves field references through its client scheme, which only knows the generic
// metadata.name / metadata.namespace field labels; every other path resolves to an empty value.
function resolveFieldRef(pod: Pod, fieldPath: string): string {
  if (fieldPath === 'metadata.name') return pod.metadata.name ?? ''
  if (fieldPath === 'metadata.namespace') return pod.metadata.namespace ?? ''
  return ''
}

// resourcehelper.ExtractContainerResourceValue: the container's value divided by the divisor, rounded up.
function resolveResourceFieldRef(c: Container, resource: string, divisor: string | undefined): string {
  const [kind, name] = resource.split('.', 2)
  const list = kind === 'limits' ? c.resources?.limits : c.resources?.requests
  const q = quantityOf(list?.[name])
  const d = quantityOf(divisor || '1')
  if (d.nanos === 0n) return ''
  if (name === 'cpu') return String(ceil(milliValue(q), milliValue(d)))
  return String(ceil(unitValue(q), unitValue(d)))
}

function ceil(a: bigint, b: bigint): bigint {
  return a % b === 0n ? a / b : a / b + 1n
}

function writeMounts(w: PrefixWriter, c: Container): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0))
  w.write(2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`)
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw']
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`)
    w.write(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`)
  }
}
