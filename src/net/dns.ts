// Name resolution as a process in the simulated cluster sees it. In a pod (dnsPolicy ClusterFirst)
// glibc reads /etc/hosts first, then asks the cluster DNS (kube-dns, 172.30.0.10) with the pod's
// resolv.conf: `search <ns>.svc.cluster.local svc.cluster.local cluster.local`, `options ndots:5`.
// A name with fewer than five dots is tried with each search suffix first, then as given; a name
// ending in a dot is absolute. CoreDNS's kubernetes plugin answers `<svc>.<ns>.svc.cluster.local`
// with the cluster IP, or for a headless Service with the ready endpoint addresses (and
// `<hostname>.<svc>.<ns>.svc.cluster.local` with one of them), and `a-b-c-d.<ns>.pod.cluster.local`
// with a.b.c.d (`pods insecure`). The node is different on purpose: its resolv.conf points at the
// VM's upstream resolver, not at kube-dns, so from the node only IPv4 literals, `localhost` and the
// node's /etc/hosts resolve — `curl simpleservice` on the node fails to resolve, as on a real node.
// Pure: callers pass the Services and Endpoints; nothing is cached.
import type {Endpoints, Service} from '../api/types.js'
import {parseIPv4} from './ipam.js'

export const CLUSTER_DOMAIN = 'cluster.local'
/** glibc's ndots for pods: names with fewer dots go through the search list first. */
export const POD_NDOTS = 5

export interface DnsContext {
  services: Service[]
  /** Endpoints, for headless Services (their ready addresses are the answer). */
  endpoints?: Endpoints[]
  /** The calling pod's namespace; undefined means the caller is the node (no cluster DNS). */
  callerNamespace?: string
  /** The caller's /etc/hosts entries (name → IPv4), consulted first; `localhost` is always there. */
  hosts?: Record<string, string>
}

export type DnsResult =
  /** `ip` is the address a client connects to (the first answer); `ips` every A record in answer order. */
  | {ip: string; ips: string[]; fqdn?: string}
  | {error: 'not-found'; tried: string[]}

/** Returns the pod's DNS search list for `namespace`, in resolv.conf order. */
export function searchPath(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN]
}

/** Returns the names glibc asks the DNS server for, in order (search list expansion with ndots). */
export function candidateNames(name: string, namespace: string): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)]
  const expanded = searchPath(namespace).map((suffix) => `${name}.${suffix}`)
  const dots = name.split('.').length - 1
  return dots >= POD_NDOTS ? [name, ...expanded] : [...expanded, name]
}

function hostsLookup(name: string, hosts: Record<string, string> | undefined): string | undefined {
  const wanted = name.toLowerCase().replace(/\.$/, '')
  if (wanted === 'localhost') return hosts?.localhost ?? '127.0.0.1'
  for (const [key, ip] of Object.entries(hosts ?? {})) if (key.toLowerCase() === wanted) return ip
  return undefined
}

function readyAddresses(endpoints: Endpoints | undefined): {ip: string; hostname?: string}[] {
  return (endpoints?.subsets ?? []).flatMap((subset) => subset.addresses ?? [])
}

/** Answers one fully qualified name the way CoreDNS's kubernetes plugin would; undefined for NXDOMAIN. */
export function answerClusterName(fqdn: string, ctx: DnsContext): string[] | undefined {
  const labels = fqdn.toLowerCase().split('.')
  const domain = CLUSTER_DOMAIN.split('.')
  const tail = labels.slice(-domain.length).join('.')
  if (tail !== CLUSTER_DOMAIN) return undefined
  const rest = labels.slice(0, -domain.length)
  if (rest.length === 3 && rest[2] === 'pod') return podAnswer(rest[0])
  if (rest.length < 3 || rest.length > 4 || rest[rest.length - 1] !== 'svc') return undefined
  const [first, second, third] = rest
  const [hostname, name, namespace] = rest.length === 4 ? [first, second, third] : [undefined, first, second]
  const service = ctx.services.find((s) => s.metadata.name === name && (s.metadata.namespace ?? 'default') === namespace)
  if (!service) return undefined
  const endpoints = ctx.endpoints?.find((e) => e.metadata.name === name && (e.metadata.namespace ?? 'default') === namespace)
  const clusterIP = service.spec.clusterIP ?? ''
  if (clusterIP !== 'None' && hostname === undefined) return parseIPv4(clusterIP) === undefined ? undefined : [clusterIP]
  const addresses = readyAddresses(endpoints).filter((a) => hostname === undefined || a.hostname === hostname)
  return addresses.length === 0 ? undefined : addresses.map((a) => a.ip)
}

function podAnswer(label: string): string[] | undefined {
  const ip = label.replace(/-/g, '.')
  return parseIPv4(ip) === undefined ? undefined : [ip]
}

/** Resolves `name` for a caller: IPv4 literal, /etc/hosts, then (in a pod only) cluster DNS with the search path. */
export function resolveName(name: string, ctx: DnsContext): DnsResult {
  if (parseIPv4(name) !== undefined) return {ip: name, ips: [name]}
  const fromHosts = hostsLookup(name, ctx.hosts)
  if (fromHosts !== undefined) return {ip: fromHosts, ips: [fromHosts]}
  if (ctx.callerNamespace === undefined) return {error: 'not-found', tried: [name]}
  const tried = candidateNames(name, ctx.callerNamespace)
  for (const fqdn of tried) {
    const answer = answerClusterName(fqdn, ctx)
    if (answer) return {ip: answer[0], ips: answer, fqdn}
  }
  return {error: 'not-found', tried}
}
