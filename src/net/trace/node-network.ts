// The simulated node's own network, as data: its interfaces with their addresses and its routing
// table, the way `ip addr` / `ip route` on the minikube VirtualBox VM show them. eth0 is the NAT
// interface (10.0.2.15, default route via 10.0.2.2: the address the tutorial's node → VIP curl shows
// as "from"), eth1 the host-only interface carrying the node's InternalIP 192.168.99.100, docker0
// the bridge of the pod network (172.17.0.1/16). The packet tracer asks this module three things:
// which route a destination takes (and so which source address a local socket gets), whether an
// address is one of the node's own (`-m addrtype LOCAL`), and which address MASQUERADE picks on
// an outgoing interface. Nothing here knows about pods, Services or rules.
import {BRIDGE_GATEWAY, POD_CIDR, cidrContains, parseCidr, parseIPv4} from '../ipam.js'

export interface NodeInterface {
  name: string
  /** The interface's primary IPv4 address (the one MASQUERADE and source selection use). */
  address: string
  prefix: number
}

export interface NodeRoute {
  /** Destination CIDR; `0.0.0.0/0` is the default route. */
  destination: string
  dev: string
  /** The gateway for routes that are not on-link. */
  via?: string
  /** The preferred source address (`src` in `ip route`). */
  src: string
}

export interface NodeNetwork {
  interfaces: NodeInterface[]
  /** The main routing table; the longest matching prefix wins. */
  routes: NodeRoute[]
}

/** The result of a route lookup: the outgoing interface, the gateway if any, and the source address. */
export interface RouteDecision {
  dev: string
  via?: string
  src: string
  /** True when the destination is one of the node's own addresses (delivered through `lo`). */
  local: boolean
}

/** The node's NAT address: the source a node process gets for anything routed by default. */
export const NODE_NAT_IP = '10.0.2.15'
/** The VirtualBox NAT gateway. */
export const NODE_NAT_GATEWAY = '10.0.2.2'
/** The node's InternalIP (the same value as the cluster bootstrap's NODE_IP). */
export const NODE_HOST_ONLY_IP = '192.168.99.100'

/** The minikube node of the tutorial: lo, eth0 (NAT, default route), eth1 (host-only), docker0 (pods). */
export const MINIKUBE_NODE: NodeNetwork = {
  interfaces: [
    {name: 'lo', address: '127.0.0.1', prefix: 8},
    {name: 'eth0', address: NODE_NAT_IP, prefix: 24},
    {name: 'eth1', address: NODE_HOST_ONLY_IP, prefix: 24},
    {name: 'docker0', address: BRIDGE_GATEWAY, prefix: Number(POD_CIDR.split('/')[1])},
  ],
  routes: [
    {destination: '0.0.0.0/0', dev: 'eth0', via: NODE_NAT_GATEWAY, src: NODE_NAT_IP},
    {destination: '10.0.2.0/24', dev: 'eth0', src: NODE_NAT_IP},
    {destination: POD_CIDR, dev: 'docker0', src: BRIDGE_GATEWAY},
    {destination: '192.168.99.0/24', dev: 'eth1', src: NODE_HOST_ONLY_IP},
  ],
}

function contains(cidrText: string, ip: string): boolean {
  const n = parseIPv4(ip)
  return n !== undefined && cidrContains(parseCidr(cidrText), n)
}

/** Returns whether `ip` is one of the node's own addresses (the kernel's local table: 127/8 and every interface address). */
export function isLocalAddress(node: NodeNetwork, ip: string): boolean {
  if (contains('127.0.0.0/8', ip)) return true
  return node.interfaces.some((iface) => iface.address === ip)
}

/** Returns the route the node takes to `destination`, like `ip route get`; undefined when nothing matches. */
export function routeTo(node: NodeNetwork, destination: string): RouteDecision | undefined {
  if (isLocalAddress(node, destination)) {
    // Local addresses are reached through lo; a socket talking to one gets that address as its source.
    return {dev: 'lo', src: contains('127.0.0.0/8', destination) ? '127.0.0.1' : destination, local: true}
  }
  let best: NodeRoute | undefined
  for (const route of node.routes) {
    if (!contains(route.destination, destination)) continue
    if (!best || prefixOf(route.destination) > prefixOf(best.destination)) best = route
  }
  if (!best) return undefined
  return best.via === undefined ? {dev: best.dev, src: best.src, local: false} : {dev: best.dev, via: best.via, src: best.src, local: false}
}

function prefixOf(cidr: string): number {
  return Number(cidr.split('/')[1])
}

/** Returns the address MASQUERADE gives a packet leaving through `dev`: that interface's primary address. */
export function masqueradeAddress(node: NodeNetwork, dev: string): string | undefined {
  return node.interfaces.find((iface) => iface.name === dev)?.address
}
