// `kubectl describe service` (kubectl's describeService): type, IP families, cluster IPs, one
// Port/TargetPort/NodePort/Endpoints group per service port, traffic policies and events. kubectl reads the
// Endpoints line from the EndpointSlices labelled with the service name; kbe keeps no EndpointSlices, so
// the service's Endpoints object stands in for them: `hasEndpointSlices` says whether kubectl would have
// found any slice. Pure formatting of what the caller gathered.
import type {EndpointSubset, Endpoints, Event, Service} from '../../api/types.js'
import {formatLabelMap, PrefixWriter, writeAnnotations, writeEvents, writeLabels, type DescribeContext} from './writer.js'

/** What describe service needs besides the Service: its Endpoints (as EndpointSlice stand-in) and events. */
export interface ServiceRelated {
  endpoints?: Endpoints
  hasEndpointSlices: boolean
  events: Event[]
}

/** Returns the full `kubectl describe service` text for `svc`. */
export function describeService(svc: Service, related: ServiceRelated, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  const spec = svc.spec
  w.write(0, `Name:\t${svc.metadata.name ?? ''}\n`)
  w.write(0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`)
  writeLabels(w, 'Labels', svc.metadata.labels)
  writeAnnotations(w, 'Annotations', svc.metadata.annotations)
  w.write(0, `Selector:\t${formatLabelMap(spec.selector)}\n`)
  w.write(0, `Type:\t${spec.type ?? ''}\n`)
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`)
  w.write(0, `IP Families:\t${joinOrNone(spec.ipFamilies)}\n`)
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`)
  w.write(0, `IPs:\t${joinOrNone(spec.clusterIPs)}\n`)
  if (spec.externalIPs && spec.externalIPs.length > 0) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`)
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`)
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`)
  const ingress = svc.status?.loadBalancer?.ingress ?? []
  if (ingress.length > 0) w.write(0, `LoadBalancer Ingress:\t${formatIngress(ingress)}\n`)
  for (const port of spec.ports ?? []) {
    const name = port.name || '<unset>'
    const protocol = port.protocol ?? ''
    w.write(0, `Port:\t${name}\t${port.port}/${protocol}\n`)
    w.write(0, `TargetPort:\t${port.targetPort ?? 0}/${protocol}\n`)
    if (port.nodePort) w.write(0, `NodePort:\t${name}\t${port.nodePort}/${protocol}\n`)
    w.write(0, `Endpoints:\t${formatServiceEndpoints(related, port.name ?? '')}\n`)
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`)
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`)
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`)
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort as number}\n`)
  const sourceRanges = spec.loadBalancerSourceRanges as string[] | undefined
  if (sourceRanges && sourceRanges.length > 0) w.write(0, `LoadBalancer Source Ranges:\t${sourceRanges.join(',')}\n`)
  if (spec.trafficDistribution) w.write(0, `Traffic Distribution:\t${spec.trafficDistribution as string}\n`)
  writeEvents(w, related.events, ctx.now)
  return w.toString()
}

function joinOrNone(items: string[] | undefined): string {
  return items && items.length > 0 ? items.join(',') : '<none>'
}

function formatIngress(ingress: {ip?: string; hostname?: string; ipMode?: string}[]): string {
  return ingress.map((i) => (i.ip ? i.ip + (i.ipMode ? ` (${i.ipMode})` : '') : i.hostname ?? '')).join(', ')
}

const MAX_ENDPOINTS = 3

/**
 * Returns the Endpoints cell for the service port named `portName` (formatEndpointSlices): `<none>` without
 * slices, otherwise up to three ready `ip:port` joined by `,` plus ` + N more...`. Each subset plays one
 * slice; its not-ready addresses follow the ready ones, and, as in kubectl, reaching the cap on a not-ready
 * address still switches to the "more" form without counting it.
 */
export function formatServiceEndpoints(related: Pick<ServiceRelated, 'endpoints' | 'hasEndpointSlices'>, portName: string): string {
  if (!related.hasEndpointSlices) return '<none>'
  const list: string[] = []
  let more = false
  let count = 0
  const visit = (ip: string, ready: boolean, port?: number): void => {
    if (list.length === MAX_ENDPOINTS) more = true
    if (!ready) return
    if (!more) list.push(port === undefined ? ip : joinHostPort(ip, port))
    count++
  }
  for (const subset of related.endpoints?.subsets ?? []) {
    const ports = subset.ports ?? []
    // Headless services without ports list bare addresses.
    if (ports.length === 0) forEachAddress(subset, (ip, ready) => visit(ip, ready))
    for (const p of ports) {
      if ((p.name ?? '') === portName) forEachAddress(subset, (ip, ready) => visit(ip, ready, p.port))
    }
  }
  const joined = list.join(',')
  return more ? `${joined} + ${count - MAX_ENDPOINTS} more...` : joined
}

function forEachAddress(subset: EndpointSubset, fn: (ip: string, ready: boolean) => void): void {
  for (const a of subset.addresses ?? []) fn(a.ip, true)
  for (const a of subset.notReadyAddresses ?? []) fn(a.ip, false)
}

function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}
