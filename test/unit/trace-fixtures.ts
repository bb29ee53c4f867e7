// Rule sets for the packet-tracer tests: the fresh cluster (kubernetes, kube-dns) plus the tutorial's
// simpleservice with the given ready pod IPs, optionally as a NodePort, in either kube-proxy style.
import {buildRuleSet} from '../../src/net/kube-proxy/model.js'
import type {RuleSet} from '../../src/net/kube-proxy/rule-set.js'
import {Sfc32, seedState} from '../../src/util/random.js'
import {freshCluster, proxyInput, simpleEndpoints, simpleservice} from './kube-proxy-fixtures.js'

export type Style = 'tutorial' | 'modern'
export const STYLES: readonly Style[] = ['tutorial', 'modern']

/** The simpleservice VIP and port of the tutorial. */
export const VIP = '172.30.228.255'
/** The NodePort used when simpleservice is made a NodePort Service. */
export const NODE_PORT = 30080

/** Returns the node's rule set with simpleservice backed by `podIPs` (port 9876). */
export function simpleRuleSet(style: Style, podIPs: string[], nodePort = false): RuleSet {
  const fresh = freshCluster()
  const svc = simpleservice((s) => {
    if (!nodePort) return
    s.spec.type = 'NodePort'
    s.spec.ports = [{protocol: 'TCP', port: 80, targetPort: 9876, nodePort: NODE_PORT}]
  })
  return buildRuleSet(proxyInput(style, [...fresh.services, svc], [...fresh.endpoints, simpleEndpoints(...podIPs)]))
}

/** Returns a seeded random source. */
export function seeded(seed = 42): Sfc32 {
  return new Sfc32(seedState(seed))
}
