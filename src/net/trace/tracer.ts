// The packet tracer: it executes the very RuleSet that `iptables-save` prints (no second model of
// kube-proxy) for the first packet of a connection, the one conntrack makes the nat decisions on.
// A locally generated packet takes the route decision (which picks its source address), mangle and
// nat OUTPUT, a re-route when DNAT changed the destination, filter OUTPUT, then mangle and nat
// POSTROUTING; a packet from a pod enters through the bridge (br_netfilter): mangle and nat
// PREROUTING, the route decision, then filter INPUT (for the node's own addresses) or filter
// FORWARD and POSTROUTING. Targets act as in the kernel: jumps and RETURN, MARK --set-xmark, DNAT and
// MASQUERADE (both terminate the nat chain), ACCEPT, DROP, REJECT, and the builtin chain's policy.
// Session affinity: `--rcheck` reads the caller's RecentState; affinityUpdates() lists what `--set`
// recorded, for the caller to keep.
import type {Random} from '../../util/random.js'
import {ruleText, type Rule} from '../kube-proxy/rule.js'
import {findChain, type Table, type TableName} from '../kube-proxy/rule-set.js'
import {evaluateRule, inCidr, type MatchContext, type PacketState} from './match.js'
import {MINIKUBE_NODE, masqueradeAddress, routeTo, type NodeNetwork, type RouteDecision} from './node-network.js'
import type {Packet, RecentState, RuleStep, Trace, TraceStep, Verdict} from './types.js'

export interface TraceOptions {
  /** The node's interfaces and routes (default: the minikube node). */
  node?: NodeNetwork
  /** Addresses that answer on the pod bridge (running pods); any other bridge address is unreachable. */
  podIPs?: Iterable<string>
  /** ClientIP affinity lists for `-m recent --rcheck` (default: empty, i.e. a first connection). */
  recent?: RecentState
}

/** The pod bridge interface: destinations routed there are pods (or nobody). */
export const POD_BRIDGE = 'docker0'

type Outcome =
  | {kind: 'continue'}
  | {kind: 'return'}
  | {kind: 'accept'}
  | {kind: 'drop' | 'reject'; table: TableName; chain: string}

type Hook = readonly [TableName, string]

const NODE_OUTPUT: readonly Hook[] = [['mangle', 'OUTPUT'], ['nat', 'OUTPUT']]
const NODE_FILTER_OUTPUT: readonly Hook[] = [['filter', 'OUTPUT']]
const PREROUTING: readonly Hook[] = [['mangle', 'PREROUTING'], ['nat', 'PREROUTING']]
const LOCAL_INPUT: readonly Hook[] = [['mangle', 'INPUT'], ['filter', 'INPUT']]
const FORWARD: readonly Hook[] = [['mangle', 'FORWARD'], ['filter', 'FORWARD']]
const POSTROUTING: readonly Hook[] = [['mangle', 'POSTROUTING'], ['nat', 'POSTROUTING']]

const CONTINUE: Outcome = {kind: 'continue'}
const MAX_DEPTH = 32

/** Walks one packet through the node's netfilter hooks; holds the packet state and the recorded steps. */
class PacketWalk {
  readonly steps: TraceStep[] = []
  readonly state: PacketState
  private readonly ctx: MatchContext
  /** The outgoing interface, known once the packet has been routed (MASQUERADE needs it). */
  private outDev = 'lo'

  constructor(
    private readonly tables: readonly Table[],
    private readonly node: NodeNetwork,
    packet: Packet,
    random: Random,
    recent: RecentState | undefined,
  ) {
    this.ctx = {node, random, recent}
    const {protocol, sourcePort, destination, destinationPort} = packet
    this.state = {protocol, source: packet.source ?? '', sourcePort, destination, destinationPort, mark: 0, dnat: false, snat: false}
  }

  /** Records and returns the route decision for the packet's current destination. */
  route(): RouteDecision | undefined {
    const decision = routeTo(this.node, this.state.destination)
    if (!decision) return undefined
    this.outDev = decision.dev
    const step: TraceStep = {kind: 'route', destination: this.state.destination, dev: decision.dev, src: decision.src, local: decision.local}
    if (decision.via !== undefined) step.via = decision.via
    this.steps.push(step)
    return decision
  }

  /** Runs a list of hooks in order; returns the first terminal drop/reject, or continue. */
  hooks(list: readonly Hook[]): Outcome {
    for (const [table, chain] of list) {
      const outcome = this.hook(table, chain)
      if (outcome.kind === 'drop' || outcome.kind === 'reject') return outcome
    }
    return CONTINUE
  }

  private hook(tableName: TableName, chainName: string): Outcome {
    const table = this.tables.find((t) => t.name === tableName)
    const chain = table && findChain(table, chainName)
    if (!table || !chain) return CONTINUE
    const outcome = this.walkChain(table, chainName, 0)
    if (outcome.kind === 'continue' || outcome.kind === 'return') {
      return chain.policy === 'DROP' ? {kind: 'drop', table: tableName, chain: chainName} : {kind: 'accept'}
    }
    return outcome
  }

  private walkChain(table: Table, chainName: string, depth: number): Outcome {
    if (depth > MAX_DEPTH) throw new Error(`packet tracer: chain nesting deeper than ${MAX_DEPTH} at ${table.name} ${chainName}`)
    const chain = findChain(table, chainName)
    if (!chain) return CONTINUE
    for (const rule of chain.rules) {
      const {matched, draw} = evaluateRule(rule, this.state, this.ctx)
      const step: RuleStep = {kind: 'rule', table: table.name, chain: chainName, rule, text: ruleText(rule), matched}
      if (draw) step.draw = draw
      this.steps.push(step)
      if (!matched) continue
      const outcome = this.applyTarget(table, rule, step, depth)
      if (outcome.kind !== 'continue') return outcome
    }
    return CONTINUE
  }

  private applyTarget(table: Table, rule: Rule, step: RuleStep, depth: number): Outcome {
    const target = rule.target
    switch (target.kind) {
      case 'jump': {
        const inner = this.walkChain(table, target.chain, depth + 1)
        return inner.kind === 'return' ? CONTINUE : inner
      }
      case 'RETURN':
        return {kind: 'return'}
      case 'MARK':
        this.state.mark = ((this.state.mark & ~target.mask) ^ target.value) >>> 0
        step.markAfter = this.state.mark
        return CONTINUE
      case 'DNAT':
        this.applyDnat(target.toDestination)
        return {kind: 'accept'}
      case 'MASQUERADE': {
        const address = masqueradeAddress(this.node, this.outDev)
        if (address !== undefined) this.state.source = address
        this.state.snat = true
        step.sourceAfter = this.state.source
        return {kind: 'accept'}
      }
      case 'ACCEPT':
        return {kind: 'accept'}
      case 'DROP':
        return {kind: 'drop', table: table.name, chain: rule.chain}
      case 'REJECT':
        return {kind: 'reject', table: table.name, chain: rule.chain}
    }
  }

  private applyDnat(toDestination: string): void {
    const [ip, port] = toDestination.split(':')
    this.state.destination = ip
    if (port !== undefined) this.state.destinationPort = Number(port)
    this.state.dnat = true
  }
}

/** Returns the verdict for a packet that passed every hook and leaves through `decision`. */
function deliveryVerdict(walk: PacketWalk, decision: RouteDecision, podIPs: ReadonlySet<string>): Verdict {
  if (decision.local) return {kind: 'node'}
  if (inCidr('127.0.0.0/8', walk.state.source)) {
    return {kind: 'drop', reason: `a packet from ${walk.state.source} may not leave the node through ${decision.dev} (martian source)`}
  }
  if (decision.via !== undefined) return {kind: 'no-answer', dev: decision.dev, via: decision.via}
  if (decision.dev !== POD_BRIDGE) return {kind: 'no-answer', dev: decision.dev}
  return podIPs.has(walk.state.destination) ? {kind: 'pod', dev: decision.dev} : {kind: 'unreachable', dev: decision.dev}
}

function blocked(outcome: Outcome): Verdict | undefined {
  if (outcome.kind === 'reject') return {kind: 'reject', table: outcome.table, chain: outcome.chain}
  if (outcome.kind === 'drop') return {kind: 'drop', table: outcome.table, chain: outcome.chain, reason: 'dropped by a rule'}
  return undefined
}

/** A locally generated packet: route (picks the source), OUTPUT, re-route after DNAT, POSTROUTING. */
function walkFromNode(walk: PacketWalk, packet: Packet, podIPs: ReadonlySet<string>): Verdict {
  const first = walk.route()
  if (!first) return {kind: 'no-route'}
  if (packet.source === undefined) walk.state.source = first.src
  const natOutput = blocked(walk.hooks(NODE_OUTPUT))
  if (natOutput) return natOutput
  const decision = walk.state.destination === packet.destination ? first : walk.route()
  if (!decision) return {kind: 'no-route'}
  const verdict = blocked(walk.hooks(NODE_FILTER_OUTPUT)) ?? blocked(walk.hooks(POSTROUTING))
  if (verdict) return verdict
  if (decision.local) return blocked(walk.hooks(LOCAL_INPUT)) ?? {kind: 'node'}
  return deliveryVerdict(walk, decision, podIPs)
}

/** A packet from a pod, seen by the node's netfilter through the bridge: PREROUTING, route, INPUT or FORWARD + POSTROUTING. */
function walkFromPod(walk: PacketWalk, podIPs: ReadonlySet<string>): Verdict {
  const prerouting = blocked(walk.hooks(PREROUTING))
  if (prerouting) return prerouting
  const decision = walk.route()
  if (!decision) return {kind: 'no-route'}
  if (decision.local) return blocked(walk.hooks(LOCAL_INPUT)) ?? {kind: 'node'}
  const verdict = blocked(walk.hooks(FORWARD)) ?? blocked(walk.hooks(POSTROUTING))
  return verdict ?? deliveryVerdict(walk, decision, podIPs)
}

/**
 * Returns the trace of the first packet of a connection through the node's rules: every route
 * decision and rule evaluated, the verdict, and the destination and source the receiver sees.
 */
export function tracePacket(ruleSet: {tables: readonly Table[]}, packet: Packet, random: Random, options: TraceOptions = {}): Trace {
  if (packet.origin === 'pod' && packet.source === undefined) throw new Error('packet tracer: a packet from a pod needs its source address')
  const node = options.node ?? MINIKUBE_NODE
  const podIPs = new Set(options.podIPs ?? [])
  const walk = new PacketWalk(ruleSet.tables, node, packet, random, options.recent)
  const verdict = packet.origin === 'node' ? walkFromNode(walk, packet, podIPs) : walkFromPod(walk, podIPs)
  const {state} = walk
  const trace: Trace = {
    packet,
    steps: walk.steps,
    verdict,
    destination: {ip: state.destination, port: state.destinationPort},
    source: state.source,
    mark: state.mark,
  }
  if (state.sourcePort !== undefined) trace.sourcePort = state.sourcePort
  return trace
}

/** Returns the ClientIP affinity entries the trace's matching `-m recent --set` rules record (list name and source address). */
export function affinityUpdates(trace: Trace): {list: string; source: string}[] {
  const updates: {list: string; source: string}[] = []
  for (const step of trace.steps) {
    if (step.kind !== 'rule' || !step.matched) continue
    for (const match of step.rule.matches) if (match.kind === 'recent' && match.mode === 'set') updates.push({list: match.name, source: trace.packet.source ?? trace.source})
  }
  return updates
}
