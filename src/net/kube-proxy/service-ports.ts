// What kube-proxy sees of the API: one entry per Service port that it programs, with the ready
// endpoints of that port. It skips headless (`clusterIP: None`) and ExternalName Services (and
// IPv6 cluster IPs, which belong to ip6tables), pairs a Service port with the Endpoints port of the
// same name (both empty when unnamed) and protocol, keeps ready addresses only, and sorts them by
// their "ip:port" string as kube-proxy's byEndpoint does (so 172.17.0.10 sorts before 172.17.0.3).
// The result is sorted by service port name, then protocol: kbe's stand-in for kube-proxy's random
// Go map order. This module reads objects only; it writes no rules.
import type {Endpoints, Service, ServicePort} from '../../api/types.js'
import {joinHostPort, servicePortName, type ProxyStyle} from './chain-names.js'
import type {Protocol} from './rule.js'

/** kube-proxy's default ClientIP affinity timeout (v1.4/1.5 hard-coded 180 minutes; later the API default). */
export const DEFAULT_AFFINITY_SECONDS = 10800

export interface ProxyEndpoint {
  ip: string
  port: number
  /** JoinHostPort form, "ip:port": the SEP hash input and the DNAT destination. */
  address: string
}

export interface ServicePortInfo {
  namespace: string
  name: string
  /** The ServicePortName string in the style's form (`ns/name`, `ns/name:port` or `ns/name:`). */
  spn: string
  protocol: Protocol
  clusterIP: string
  port: number
  nodePort?: number
  externalIPs: string[]
  loadBalancerIPs: string[]
  /** Set when sessionAffinity is ClientIP: the `-m recent --seconds` value. */
  affinitySeconds?: number
  /** Ready endpoints, sorted by `address` (byte order). */
  endpoints: ProxyEndpoint[]
}

const PROTOCOLS: readonly string[] = ['tcp', 'udp', 'sctp']

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function isIPv4(ip: string): boolean {
  return ip !== '' && !ip.includes(':')
}

/** Returns whether kube-proxy programs a Service at all (it has an IPv4 cluster IP and is not ExternalName). */
export function isProxiedService(service: Service): boolean {
  const clusterIP = service.spec.clusterIP ?? ''
  return service.spec.type !== 'ExternalName' && clusterIP !== 'None' && isIPv4(clusterIP)
}

function readyEndpoints(endpoints: Endpoints | undefined, port: ServicePort, protocol: Protocol): ProxyEndpoint[] {
  const wanted = port.name ?? ''
  const found = new Map<string, ProxyEndpoint>()
  for (const subset of endpoints?.subsets ?? []) {
    const match = (subset.ports ?? []).find(
      (p) => (p.name ?? '') === wanted && (p.protocol ?? 'TCP').toLowerCase() === protocol,
    )
    if (!match) continue
    for (const address of subset.addresses ?? []) {
      if (!isIPv4(address.ip)) continue
      const text = joinHostPort(address.ip, match.port)
      found.set(text, {ip: address.ip, port: match.port, address: text})
    }
  }
  return [...found.values()].sort((a, b) => compareText(a.address, b.address))
}

function affinitySeconds(service: Service, style: ProxyStyle): number | undefined {
  if (service.spec.sessionAffinity !== 'ClientIP') return undefined
  // The v1.4/1.5 API had no sessionAffinityConfig; its proxier always used 180 minutes.
  if (style === 'tutorial') return DEFAULT_AFFINITY_SECONDS
  return service.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS
}

function servicePortInfos(service: Service, endpoints: Endpoints | undefined, style: ProxyStyle): ServicePortInfo[] {
  const namespace = service.metadata.namespace ?? 'default'
  const name = service.metadata.name ?? ''
  const infos: ServicePortInfo[] = []
  for (const port of service.spec.ports ?? []) {
    const protocol = (port.protocol ?? 'TCP').toLowerCase()
    if (!PROTOCOLS.includes(protocol)) continue
    const info: ServicePortInfo = {
      namespace,
      name,
      spn: servicePortName(namespace, name, port.name, style),
      protocol: protocol as Protocol,
      clusterIP: service.spec.clusterIP ?? '',
      port: port.port,
      externalIPs: (service.spec.externalIPs ?? []).filter(isIPv4),
      loadBalancerIPs: (service.status?.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip && isIPv4(i.ip) ? [i.ip] : [])),
      affinitySeconds: affinitySeconds(service, style),
      endpoints: readyEndpoints(endpoints, port, protocol as Protocol),
    }
    if (port.nodePort && (service.spec.type === 'NodePort' || service.spec.type === 'LoadBalancer')) info.nodePort = port.nodePort
    infos.push(info)
  }
  return infos
}

/** Returns every service port kube-proxy programs, sorted by service port name then protocol. */
export function collectServicePorts(services: Service[], endpoints: Endpoints[], style: ProxyStyle): ServicePortInfo[] {
  const byKey = new Map<string, Endpoints>()
  for (const ep of endpoints) byKey.set(`${ep.metadata.namespace ?? 'default'}/${ep.metadata.name ?? ''}`, ep)
  const infos = services
    .filter(isProxiedService)
    .flatMap((svc) => servicePortInfos(svc, byKey.get(`${svc.metadata.namespace ?? 'default'}/${svc.metadata.name ?? ''}`), style))
  return infos.sort((a, b) => compareText(a.spn, b.spn) || compareText(a.protocol, b.protocol))
}
