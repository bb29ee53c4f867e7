// The per-Service-port rules of the tutorial-era kube-proxy (v1.4/1.5, as on the Kubernetes By
// Example page, no cluster CIDR, no masqueradeAll). Following that proxier: the KUBE-SVC chain
// and the cluster-IP jump are written before the endpoint check, then the NodePort rules (mark for
// masquerade, then jump); a port with no endpoints then only adds a filter REJECT, leaving an empty
// KUBE-SVC chain. Otherwise: ClientIP affinity `recent` rules, statistic rules written with
// `%0.5f`, and per endpoint the hairpin + DNAT pair. Comments are the bare service port name
// (`default/simpleservice:`). Not modelled: external IPs and load-balancer ingress (they needed
// physdev matches) and the OnlyLocal KUBE-XLB chains.
import {endpointChainName, serviceChainName} from './chain-names.js'
import {KUBE_MARK_MASQ, KUBE_NODEPORTS, KUBE_SERVICES} from './fixed-rules.js'
import {kubeProxyProbability, probabilityThreshold} from './probability.js'
import type {Match} from './rule.js'
import {comment, host, jumpTo, portMatch, rule, type TableBuilder} from './rule-set.js'
import type {ServicePortInfo} from './service-ports.js'

/** Adds the nat and filter rules of one service port, as the v1.4/1.5 kube-proxy writes them. */
export function addTutorialServicePort(nat: TableBuilder, filter: TableBuilder, svc: ServicePortInfo): void {
  const svcChain = serviceChainName(svc.spn, svc.protocol)
  const where = {destination: host(svc.clusterIP), protocol: svc.protocol}
  const port = portMatch(svc.protocol, svc.port)
  nat.ensureChain(svcChain)
  nat.append(rule(KUBE_SERVICES, [comment(`${svc.spn} cluster IP`), port], jumpTo(svcChain), where))
  if (svc.nodePort !== undefined) {
    const matches = [comment(svc.spn), portMatch(svc.protocol, svc.nodePort)]
    nat.append(rule(KUBE_NODEPORTS, matches, jumpTo(KUBE_MARK_MASQ), {protocol: svc.protocol}))
    nat.append(rule(KUBE_NODEPORTS, matches, jumpTo(svcChain), {protocol: svc.protocol}))
  }
  if (svc.endpoints.length === 0) {
    const reject = {kind: 'REJECT', rejectWith: 'icmp-port-unreachable'} as const
    filter.append(rule(KUBE_SERVICES, [comment(`${svc.spn} has no endpoints`), port], reject, where))
    return
  }
  const endpoints = svc.endpoints.map((ep) => ({...ep, chain: endpointChainName(svc.spn, svc.protocol, ep.address)}))
  for (const ep of endpoints) nat.ensureChain(ep.chain)
  if (svc.affinitySeconds !== undefined) {
    for (const ep of endpoints) {
      const recent: Match = {kind: 'recent', mode: 'rcheck', name: ep.chain, seconds: svc.affinitySeconds, reap: true}
      nat.append(rule(svcChain, [comment(svc.spn), recent], jumpTo(ep.chain)))
    }
  }
  endpoints.forEach((ep, i) => {
    const matches = [comment(svc.spn)]
    if (i < endpoints.length - 1) {
      const written = kubeProxyProbability(endpoints.length - i, 'tutorial')
      matches.push({kind: 'statistic', mode: 'random', written, threshold: probabilityThreshold(written)})
    }
    nat.append(rule(svcChain, matches, jumpTo(ep.chain)))
  })
  for (const ep of endpoints) {
    nat.append(rule(ep.chain, [comment(svc.spn)], jumpTo(KUBE_MARK_MASQ), {source: host(ep.ip)}))
    const matches = [comment(svc.spn)]
    if (svc.affinitySeconds !== undefined) matches.push({kind: 'recent', mode: 'set', name: ep.chain})
    matches.push(portMatch(svc.protocol))
    nat.append(rule(ep.chain, matches, {kind: 'DNAT', toDestination: ep.address}, {protocol: svc.protocol}))
  }
}
