// The simulated cluster as a CurlNetwork: names resolve with cluster DNS (in a pod) or the node's
// hosts file (on the node), and every connection to an address outside the caller's own network
// namespace is traced through the node's RuleSet — the same rules `iptables-save` prints — to
// decide where it lands and which source address the application sees. Inside a pod, 127.0.0.1
// and the pod's own IP reach its containers directly (no netfilter). A connection is established
// only when the destination pod runs a container whose application listens on that port.
import type {Endpoints, Service} from '../../api/types.js'
import {appForImage} from '../../apps/registry.js'
import type {App, ContainerEnv, HttpResponse} from '../../apps/types.js'
import type {Random} from '../../util/random.js'
import {resolveName} from '../dns.js'
import type {RuleSet} from '../kube-proxy/rule-set.js'
import {inCidr} from '../trace/match.js'
import type {NodeNetwork} from '../trace/node-network.js'
import {tracePacket} from '../trace/tracer.js'
import type {RecentState, Trace} from '../trace/types.js'
import type {CurlConnection, CurlNetwork} from './network.js'
import type {CurlRequest} from './request.js'

/** A running pod as the network sees it: its IP and its containers' images and environments. */
export interface NetworkPod {
  namespace: string
  name: string
  ip: string
  containers: {name: string; image: string; env: ContainerEnv}[]
}

/** Who opens the connection: a process on the node, or one inside a pod. */
export type NetworkCaller = {kind: 'node'} | {kind: 'pod'; pod: NetworkPod}

export interface ClusterNetworkInput {
  ruleSet: RuleSet
  services: Service[]
  endpoints: Endpoints[]
  /** Pods whose sandbox is up: they own their IP on the bridge. */
  pods: NetworkPod[]
  caller: NetworkCaller
  random: Random
  /** The time requests arrive (Date headers). */
  now: Date
  node?: NodeNetwork
  recent?: RecentState
}

/** The source port kbe gives every client socket (nothing in the simulation depends on its value). */
export const EPHEMERAL_PORT = 40000
/** The node's hosts file beyond localhost (minikube's /etc/hosts). */
export const NODE_HOSTS: Record<string, string> = {localhost: '127.0.0.1', minikube: '127.0.1.1'}

/** Returns the application of `pod` listening on `port` and its container's environment, if any. */
export function podListener(pod: NetworkPod, port: number): {app: App; env: ContainerEnv; container: string} | undefined {
  for (const container of pod.containers) {
    const app = appForImage(container.image)
    if (app && app.listensOn(container.env).includes(port)) return {app, env: container.env, container: container.name}
  }
  return undefined
}

/** Returns a connection to a pod's port as seen from `peerIP`: established when an application listens there, else refused. */
export function connectToPod(pod: NetworkPod | undefined, port: number, peerIP: string, input: Pick<ClusterNetworkInput, 'random' | 'now'>, trace?: Trace): CurlConnection {
  const listener = pod && podListener(pod, port)
  if (!listener) return trace ? {kind: 'refused', trace} : {kind: 'refused'}
  const send = (request: CurlRequest): HttpResponse =>
    listener.app.handle({method: request.method, target: request.target, headers: request.headers, peer: {ip: peerIP, port: EPHEMERAL_PORT}}, listener.env, {now: input.now, random: input.random})
  return trace ? {kind: 'established', trace, send} : {kind: 'established', send}
}

function callerHosts(caller: NetworkCaller): Record<string, string> {
  if (caller.kind === 'node') return NODE_HOSTS
  // The kubelet-managed /etc/hosts of a pod: localhost and the pod's own hostname.
  return {localhost: '127.0.0.1', [caller.pod.name]: caller.pod.ip}
}

function traced(input: ClusterNetworkInput, ip: string, port: number): CurlConnection {
  const {caller} = input
  const packet = caller.kind === 'node'
    ? {protocol: 'tcp' as const, destination: ip, destinationPort: port, origin: 'node' as const}
    : {protocol: 'tcp' as const, source: caller.pod.ip, destination: ip, destinationPort: port, origin: 'pod' as const}
  const trace = tracePacket(input.ruleSet, packet, input.random, {node: input.node, podIPs: input.pods.map((p) => p.ip), recent: input.recent})
  switch (trace.verdict.kind) {
    case 'pod':
      return connectToPod(input.pods.find((p) => p.ip === trace.destination.ip), trace.destination.port, trace.source, input, trace)
    case 'node':
    case 'reject':
      // No node process is modelled as a listener: the node answers with a RST.
      return {kind: 'refused', trace}
    case 'unreachable':
      return {kind: 'unreachable', trace}
    default:
      return {kind: 'no-answer', trace}
  }
}

/** Returns the cluster's network as seen by `input.caller`, for runCurl. */
export function clusterNetwork(input: ClusterNetworkInput): CurlNetwork {
  const {caller} = input
  return {
    resolve: (host) => {
      const callerNamespace = caller.kind === 'pod' ? caller.pod.namespace : undefined
      const result = resolveName(host, {services: input.services, endpoints: input.endpoints, callerNamespace, hosts: callerHosts(caller)})
      return 'ip' in result ? {ip: result.ip} : {error: 'not-found'}
    },
    connect: (ip, port) => {
      if (caller.kind === 'pod' && (inCidr('127.0.0.0/8', ip) || ip === caller.pod.ip)) {
        // Inside the pod's own network namespace: straight to its containers, from loopback or its own address.
        return connectToPod(caller.pod, port, inCidr('127.0.0.0/8', ip) ? '127.0.0.1' : caller.pod.ip, input)
      }
      return traced(input, ip, port)
    },
  }
}
