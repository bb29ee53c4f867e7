// Rule matching as the kernel does it, over the structured rules of the kube-proxy model: the fixed
// part first (`-s`, `-d` with their negation, `-p`), then each `-m` match in the order it was
// written, stopping at the first one that fails — so a `-m statistic` match draws a random number
// only when every match before it held, exactly like xt_statistic. Random mode matches when
// `(prandom_u32() & 0x7FFFFFFF) < threshold` (net/netfilter/xt_statistic.c); the 31-bit draw comes
// from the injected seeded Random. This module reads and evaluates; it never changes a packet.
import {cidrContains, parseCidr, parseIPv4} from '../ipam.js'
import type {ConntrackState, Match, Rule, AddressMatch, Protocol} from '../kube-proxy/rule.js'
import type {Random} from '../../util/random.js'
import {isLocalAddress, type NodeNetwork} from './node-network.js'
import type {RecentState} from './types.js'

/** The mutable state of a packet while it walks the rules. */
export interface PacketState {
  protocol: Protocol
  source: string
  sourcePort?: number
  destination: string
  destinationPort: number
  mark: number
  /** Whether nat rewrote the destination (conntrack's virtual DNAT state). */
  dnat: boolean
  /** Whether nat rewrote the source (conntrack's virtual SNAT state). */
  snat: boolean
}

/** What evaluating one rule found. */
export interface RuleMatch {
  matched: boolean
  draw?: {value: number; threshold: number}
}

export interface MatchContext {
  node: NodeNetwork
  random: Random
  recent?: RecentState
}

/** 2^31: statistic draws are `prandom_u32() & 0x7FFFFFFF`, i.e. uniform in [0, 2^31). */
export const STATISTIC_RANGE = 0x80000000

/** Returns whether `ip` lies in `cidr` (`a.b.c.d/n`). */
export function inCidr(cidr: string, ip: string): boolean {
  const n = parseIPv4(ip)
  return n !== undefined && cidrContains(parseCidr(cidr), n)
}

function addressHolds(match: AddressMatch | undefined, ip: string): boolean {
  if (!match) return true
  return inCidr(match.cidr, ip) !== match.negate
}

/** The conntrack states of the first packet of a connection: NEW, plus the virtual DNAT/SNAT states once nat rewrote it. */
function conntrackStates(packet: PacketState): ConntrackState[] {
  const states: ConntrackState[] = ['NEW']
  if (packet.dnat) states.push('DNAT')
  if (packet.snat) states.push('SNAT')
  return states
}

function recentHolds(match: Extract<Match, {kind: 'recent'}>, packet: PacketState, ctx: MatchContext): boolean {
  // `--set` always matches (and records the source, which the tracer does); `--rcheck` looks the source up.
  if (match.mode === 'set') return true
  const seen = ctx.recent?.lists[match.name]?.[packet.source]
  if (seen === undefined || !ctx.recent) return false
  return match.seconds === undefined || ctx.recent.nowSeconds - seen <= match.seconds
}

/** Evaluates one `-m` match; a statistic match records its draw in `result`. */
function matchHolds(match: Match, packet: PacketState, ctx: MatchContext, result: RuleMatch): boolean {
  switch (match.kind) {
    case 'comment':
      return true
    case 'port':
      return match.protocol === packet.protocol && (match.dport === undefined || match.dport === packet.destinationPort)
    case 'statistic': {
      const value = ctx.random.int(STATISTIC_RANGE)
      result.draw = {value, threshold: match.threshold}
      return value < match.threshold
    }
    case 'mark':
      return ((packet.mark & match.mask) >>> 0 === match.value >>> 0) !== match.negate
    case 'addrtype':
      if (match.srcType === 'LOCAL' && !isLocalAddress(ctx.node, packet.source)) return false
      return match.dstType !== 'LOCAL' || isLocalAddress(ctx.node, packet.destination)
    case 'conntrack': {
      const states = conntrackStates(packet)
      return match.states.some((state) => states.includes(state)) !== match.negate
    }
    case 'recent':
      return recentHolds(match, packet, ctx)
  }
}

/** Returns whether `rule` matches `packet`, evaluating its parts in kernel order and stopping at the first failure. */
export function evaluateRule(rule: Rule, packet: PacketState, ctx: MatchContext): RuleMatch {
  const result: RuleMatch = {matched: false}
  if (!addressHolds(rule.source, packet.source) || !addressHolds(rule.destination, packet.destination)) return result
  if (rule.protocol !== undefined && rule.protocol !== packet.protocol) return result
  for (const match of rule.matches) {
    if (!matchHolds(match, packet, ctx, result)) return result
  }
  result.matched = true
  return result
}
