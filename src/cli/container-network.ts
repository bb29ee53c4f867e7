// The simulated cluster's network for the traffic commands (curl, exec, port-forward): the running
// pods with their containers' environments, the node's rule set in the chosen kube-proxy style (the
// same RuleSet `kbe iptables-save` prints), and the random source that `-m statistic` draws from.
// That random source is seeded per invocation from KBE_SEED (random when unset) and the clock, so
// successive requests spread over the endpoints while a pinned seed and time replay exactly.
import type {Endpoints, Pod, Service} from '../api/types.js'
import type {Cluster} from '../cluster/cluster.js'
import {containerEnvironment, containerStartedAt} from '../cluster/container-env.js'
import {clusterNetwork, type NetworkCaller, type NetworkPod} from '../net/curl/cluster-network.js'
import type {CurlNetwork} from '../net/curl/network.js'
import {POD_CIDR} from '../net/ipam.js'
import type {ProxyStyle} from '../net/kube-proxy/chain-names.js'
import {buildRuleSet} from '../net/kube-proxy/model.js'
import {Sfc32, seedState, type Random} from '../util/random.js'
import {CliError} from '../api/errors.js'

/** Returns the style flag's value checked like `kbe iptables-save --style`. */
export function proxyStyle(value: string | undefined): ProxyStyle {
  const style = value ?? 'tutorial'
  if (style !== 'tutorial' && style !== 'modern') throw new CliError(`invalid argument "${style}" for "--style" flag: must be one of: tutorial, modern`)
  return style
}

/** Returns the random source of one traffic command: from the session seed mixed with the time. */
export function trafficRandom(seed: number, now: Date): Random {
  return new Sfc32(seedState((seed ^ (now.getTime() % 0x7fffffff)) >>> 0))
}

/** Returns a pod as the network sees it: its IP and its running containers with their environments. */
export function networkPod(pod: Pod, services: Service[]): NetworkPod {
  const containers = pod.spec.containers.flatMap((container) => {
    const startedAt = containerStartedAt(pod, container.name)
    if (startedAt === undefined) return []
    return [{name: container.name, image: container.image ?? '', env: containerEnvironment(pod, container, services, {startedAt})}]
  })
  return {namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name as string, ip: pod.status?.podIP ?? '', containers}
}

/** Returns every pod that owns an IP on the bridge (its sandbox is up). */
export function networkPods(cluster: Cluster): NetworkPod[] {
  const services = cluster.store.list<Service>('services')
  return cluster.store.list<Pod>('pods').filter((p) => p.status?.podIP).map((p) => networkPod(p, services))
}

export interface TrafficInput {
  caller: NetworkCaller
  style: ProxyStyle
  random: Random
  now: Date
}

/** Returns the cluster's network as seen by the caller, executing the rule set of the given style. */
export function trafficNetwork(cluster: Cluster, input: TrafficInput): CurlNetwork {
  const services = cluster.store.list<Service>('services')
  const endpoints = cluster.store.list<Endpoints>('endpoints')
  const ruleSet = buildRuleSet({services, endpoints, style: input.style, clusterCIDR: POD_CIDR})
  return clusterNetwork({ruleSet, services, endpoints, pods: networkPods(cluster), caller: input.caller, random: input.random, now: input.now})
}
