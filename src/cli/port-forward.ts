// `kbe port-forward TYPE/NAME [LOCAL:]REMOTE…`, the part that decides before anything listens:
// the pod (a Service, ReplicationController, ReplicaSet or Deployment stands for one of its pods,
// as kubectl picks it), that it runs, and each port pair — a Service's port becomes the container
// port its targetPort names, a named remote port becomes the pod's container port of that name.
// Errors are kubectl v1.32's. The listeners themselves live in container-forward.ts.
import {CliError, RawError} from '../api/errors.js'
import type {Pod, Service} from '../api/types.js'
import type {Cluster} from '../cluster/cluster.js'
import {attachablePod} from './container-target.js'

export interface PortPair {
  /** The local port; 0 picks a free one. */
  local: number
  remote: number
}

export interface ForwardPlan {
  namespace: string
  pod: string
  uid: string
  ports: PortPair[]
}

export interface PortForwardOptions {
  args: string[]
  namespace: string
}

function containerPortByName(pod: Pod, name: string): number {
  for (const container of pod.spec.containers) {
    const port = (container.ports ?? []).find((p) => p.name === name)
    if (port) return port.containerPort
  }
  throw new CliError(`Pod '${pod.metadata.name}' does not have a named port '${name}'`)
}

function servicePortToContainerPort(service: Service, pod: Pod, remote: string): number {
  const ports = service.spec.ports ?? []
  let number = Number(remote)
  if (!/^\d+$/.test(remote)) {
    const named = ports.find((p) => p.name === remote)
    if (!named) throw new CliError(`Service '${service.metadata.name}' does not have a named port '${remote}'`)
    number = named.port
  }
  const port = ports.find((p) => p.port === number)
  if (!port) throw new CliError(`Service ${service.metadata.name} does not have a service port ${number}`)
  const target = port.targetPort
  if (typeof target === 'string') return /^\d+$/.test(target) ? Number(target) : containerPortByName(pod, target)
  return target === undefined || target === 0 ? port.port : target
}

function checkPort(text: string, which: string): number {
  const n = Number(text)
  if (!/^\d+$/.test(text) || n > 65535) throw new CliError(`error parsing ${which} port '${text}': strconv.ParseUint: parsing "${text}": ${/^\d+$/.test(text) ? 'value out of range' : 'invalid syntax'}`)
  return n
}

function parsePair(spec: string, pod: Pod, service: Service | undefined): PortPair {
  const parts = spec.split(':')
  if (parts.length > 2) throw new CliError(`invalid port format '${spec}'`)
  const [localText, remoteText] = parts.length === 1 ? [parts[0], parts[0]] : parts
  let remote: number
  if (service) remote = servicePortToContainerPort(service, pod, remoteText)
  else remote = /^\d+$/.test(remoteText) ? checkPort(remoteText, 'remote') : containerPortByName(pod, remoteText)
  if (remote === 0) throw new CliError(`Remote port must be > 0`)
  const localSame = parts.length === 1 && service ? String((service.spec.ports ?? []).find((p) => String(p.port) === localText || p.name === localText)?.port ?? localText) : localText
  const local = localSame === '' ? 0 : checkPort(localSame, 'local')
  return {local, remote}
}

/** Resolves TYPE/NAME and the port pairs; throws kubectl's error when it cannot forward. */
export function planPortForward(options: PortForwardOptions, cluster: Cluster): ForwardPlan {
  const [target, ...specs] = options.args
  if (target === undefined || specs.length === 0) {
    throw new RawError("error: TYPE/NAME and list of ports are required for port-forward\nSee 'kbe port-forward -h' for help and examples\n")
  }
  const {pod, owner} = attachablePod(cluster, options.namespace, target)
  const service = owner?.kind === 'Service' ? (owner.object as Service) : undefined
  const ports = specs.map((spec) => parsePair(spec, pod, service))
  const phase = pod.status?.phase ?? 'Pending'
  if (phase !== 'Running') throw new CliError(`unable to forward port because pod is not running. Current status=${phase}`)
  return {namespace: pod.metadata.namespace ?? 'default', pod: pod.metadata.name as string, uid: pod.metadata.uid ?? '', ports}
}
