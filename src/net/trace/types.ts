// The data a packet trace is made of: the packet a caller sends, the steps the tracer records while
// it walks the node's netfilter hooks (route decisions and every rule evaluated, with the random
// draw of each `-m statistic` rule), and the verdict with the packet's final addresses. Types only;
// tracer.ts produces them and format.ts prints them.
import type {Protocol, Rule} from '../kube-proxy/rule.js'
import type {TableName} from '../kube-proxy/rule-set.js'

/** Where a packet enters the node's netfilter: a local process (nat OUTPUT) or a pod through the bridge (nat PREROUTING). */
export type PacketOrigin = 'node' | 'pod'

export interface Packet {
  protocol: Protocol
  /** Source address; for origin `node` it may be left out, and the route to the destination picks it. */
  source?: string
  sourcePort?: number
  destination: string
  destinationPort: number
  origin: PacketOrigin
}

/** A routing decision the tracer made (the first one for a local process also picks its source address). */
export interface RouteStep {
  kind: 'route'
  destination: string
  dev: string
  via?: string
  src: string
  local: boolean
}

/** One rule evaluated in a chain. */
export interface RuleStep {
  kind: 'rule'
  table: TableName
  chain: string
  rule: Rule
  /** The rule as iptables-save prints it. */
  text: string
  matched: boolean
  /** For `-m statistic --mode random`: the 31-bit value drawn and the threshold it was compared with (match when value < threshold). */
  draw?: {value: number; threshold: number}
  /** The packet mark after a matching MARK target. */
  markAfter?: number
  /** The source address after a matching MASQUERADE target. */
  sourceAfter?: string
}

export type TraceStep = RouteStep | RuleStep

export type Verdict =
  /** Accepted and handed to a host on the pod bridge that owns the destination. */
  | {kind: 'pod'; dev: string}
  /** Accepted and delivered to a socket of the node itself. */
  | {kind: 'node'}
  /** A REJECT rule answered with ICMP port unreachable: the sender's connect() is refused. */
  | {kind: 'reject'; table: TableName; chain: string}
  /** A DROP rule (or the kernel) discarded the packet: the sender times out. */
  | {kind: 'drop'; table?: TableName; chain?: string; reason: string}
  /** Sent onto the pod bridge, but no host answers ARP for the destination: host unreachable. */
  | {kind: 'unreachable'; dev: string}
  /** Sent off the node (to a gateway); nothing in the simulated world answers: the sender times out. */
  | {kind: 'no-answer'; dev: string; via?: string}
  /** The node has no route at all for the destination. */
  | {kind: 'no-route'}

export interface Trace {
  packet: Packet
  steps: TraceStep[]
  verdict: Verdict
  /** The destination after DNAT. */
  destination: {ip: string; port: number}
  /** The source address the receiver sees (after source selection, SNAT or MASQUERADE). */
  source: string
  sourcePort?: number
  /** The packet mark when it left the rules. */
  mark: number
}

/** ClientIP session affinity state: per `-m recent` list, the last time (seconds) each source address was seen. */
export interface RecentState {
  nowSeconds: number
  lists: Record<string, Record<string, number>>
}
