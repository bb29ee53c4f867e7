// The per-Service-port rules of modern kube-proxy (v1.28–v1.32, iptables mode, traffic policies
// Cluster), following syncProxyRules: capture the cluster IP (or REJECT in filter when there are no
// endpoints), external IPs, load-balancer ingress IPs and the NodePort; masquerade off-cluster
// clients in KUBE-SVC (only with a cluster CIDR, the default detect-local mode); the KUBE-EXT chain
// for externally reachable ports; ClientIP affinity `recent` rules, then one statistic rule per
// endpoint; and the KUBE-SEP hairpin + DNAT pair. A port with no endpoints gets no nat chains at all.
// Not modelled: Local traffic policies (KUBE-SVL, health-check node ports), loadBalancerSourceRanges
// (KUBE-FW), terminating-endpoint fallback; such Services are rendered as if their policy were Cluster.
import {endpointChainName, externalChainName, serviceChainName} from './chain-names.js'
import {KUBE_EXTERNAL_SERVICES, KUBE_MARK_MASQ, KUBE_NODEPORTS, KUBE_SERVICES} from './fixed-rules.js'
import {kubeProxyProbability, probabilityThreshold} from './probability.js'
import type {Match} from './rule.js'
import {comment, host, jumpTo, portMatch, rule, type TableBuilder} from './rule-set.js'
import type {ServicePortInfo} from './service-ports.js'

/** Above this many endpoints in total kube-proxy drops the comments of SVC→SEP and SEP rules. */
export const LARGE_CLUSTER_ENDPOINTS_THRESHOLD = 1000

export interface ModernOptions {
  /** The detect-local cluster CIDR; '' means no detector, so no off-cluster masquerade rule. */
  clusterCIDR: string
  /** kube-proxy's "large cluster mode" (more than 1000 endpoints in total). */
  largeCluster: boolean
}

interface Chains {
  svc: string
  ext: string
  endpoints: {chain: string; ip: string; address: string}[]
}

/** Adds the nat and filter rules of one service port, as modern kube-proxy writes them. */
export function addModernServicePort(nat: TableBuilder, filter: TableBuilder, svc: ServicePortInfo, options: ModernOptions): void {
  const chains: Chains = {
    svc: serviceChainName(svc.spn, svc.protocol),
    ext: externalChainName(svc.spn, svc.protocol),
    endpoints: svc.endpoints.map((ep) => ({chain: endpointChainName(svc.spn, svc.protocol, ep.address), ip: ep.ip, address: ep.address})),
  }
  if (svc.endpoints.length === 0) {
    addNoEndpointRejects(filter, svc)
    return
  }
  const externallyAccessible = svc.nodePort !== undefined || svc.externalIPs.length > 0 || svc.loadBalancerIPs.length > 0
  nat.ensureChain(chains.svc)
  if (externallyAccessible) nat.ensureChain(chains.ext)
  for (const ep of chains.endpoints) nat.ensureChain(ep.chain)
  addCaptureRules(nat, svc, chains)
  if (options.clusterCIDR !== '') {
    nat.append(rule(chains.svc, [comment(`${svc.spn} cluster IP`), portMatch(svc.protocol, svc.port)], jumpTo(KUBE_MARK_MASQ), {
      source: host(options.clusterCIDR, true), destination: host(svc.clusterIP), protocol: svc.protocol,
    }))
  }
  if (externallyAccessible) {
    nat.append(rule(chains.ext, [comment(`masquerade traffic for ${svc.spn} external destinations`)], jumpTo(KUBE_MARK_MASQ)))
    nat.append(rule(chains.ext, [], jumpTo(chains.svc)))
  }
  addEndpointRules(nat, svc, chains, options.largeCluster)
}

/** Filter REJECT rules for every address of a port that has no endpoints. */
function addNoEndpointRejects(filter: TableBuilder, svc: ServicePortInfo): void {
  const noEndpoints = comment(`${svc.spn} has no endpoints`)
  const reject = {kind: 'REJECT', rejectWith: 'icmp-port-unreachable'} as const
  const port = portMatch(svc.protocol, svc.port)
  filter.append(rule(KUBE_SERVICES, [noEndpoints, port], reject, {destination: host(svc.clusterIP), protocol: svc.protocol}))
  for (const ip of [...svc.externalIPs, ...svc.loadBalancerIPs]) {
    filter.append(rule(KUBE_EXTERNAL_SERVICES, [noEndpoints, port], reject, {destination: host(ip), protocol: svc.protocol}))
  }
  if (svc.nodePort !== undefined) {
    const matches: Match[] = [noEndpoints, {kind: 'addrtype', dstType: 'LOCAL'}, portMatch(svc.protocol, svc.nodePort)]
    filter.append(rule(KUBE_EXTERNAL_SERVICES, matches, reject, {protocol: svc.protocol}))
  }
}

/** The KUBE-SERVICES / KUBE-NODEPORTS rules that send a port's addresses to its SVC or EXT chain. */
function addCaptureRules(nat: TableBuilder, svc: ServicePortInfo, chains: Chains): void {
  const port = portMatch(svc.protocol, svc.port)
  const capture = (ip: string, what: string, chain: string) =>
    nat.append(rule(KUBE_SERVICES, [comment(`${svc.spn} ${what}`), port], jumpTo(chain), {destination: host(ip), protocol: svc.protocol}))
  capture(svc.clusterIP, 'cluster IP', chains.svc)
  for (const ip of svc.externalIPs) capture(ip, 'external IP', chains.ext)
  for (const ip of svc.loadBalancerIPs) capture(ip, 'loadbalancer IP', chains.ext)
  if (svc.nodePort !== undefined) {
    nat.append(rule(KUBE_NODEPORTS, [comment(svc.spn), portMatch(svc.protocol, svc.nodePort)], jumpTo(chains.ext), {protocol: svc.protocol}))
  }
}

/** KUBE-SVC → KUBE-SEP rules (affinity first, then load balancing) and each KUBE-SEP's own rules. */
function addEndpointRules(nat: TableBuilder, svc: ServicePortInfo, chains: Chains, largeCluster: boolean): void {
  const commented = (text: string): Match[] => (largeCluster ? [] : [comment(text)])
  if (svc.affinitySeconds !== undefined) {
    for (const ep of chains.endpoints) {
      const recent: Match = {kind: 'recent', mode: 'rcheck', name: ep.chain, seconds: svc.affinitySeconds, reap: true}
      nat.append(rule(chains.svc, [...commented(`${svc.spn} -> ${ep.address}`), recent], jumpTo(ep.chain)))
    }
  }
  const n = chains.endpoints.length
  chains.endpoints.forEach((ep, i) => {
    const matches = commented(`${svc.spn} -> ${ep.address}`)
    if (i < n - 1) {
      const written = kubeProxyProbability(n - i, 'modern')
      matches.push({kind: 'statistic', mode: 'random', written, threshold: probabilityThreshold(written)})
    }
    nat.append(rule(chains.svc, matches, jumpTo(ep.chain)))
  })
  for (const ep of chains.endpoints) {
    nat.append(rule(ep.chain, commented(svc.spn), jumpTo(KUBE_MARK_MASQ), {source: host(ep.ip)}))
    const matches = commented(svc.spn)
    if (svc.affinitySeconds !== undefined) matches.push({kind: 'recent', mode: 'set', name: ep.chain})
    matches.push(portMatch(svc.protocol))
    nat.append(rule(ep.chain, matches, {kind: 'DNAT', toDestination: ep.address}, {protocol: svc.protocol}))
  }
}
