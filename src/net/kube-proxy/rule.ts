// The structured form of one iptables rule and its iptables-save text. A Rule keeps every part a
// packet tracer needs as data (addresses as CIDRs, the statistic threshold the kernel stores, mark
// value/mask with --set-xmark semantics, …) and `ruleText` prints it exactly as iptables-save v1.8.9
// normalises it: `[!] -s`, `[!] -d`, `-p` first, then the matches in the order they were written,
// then `-j` with the target's options in saved form. This module only describes and prints rules;
// deciding which rules exist belongs to the model.
import {savedProbability} from './probability.js'

export type Protocol = 'tcp' | 'udp' | 'sctp'

/** An address match: `cidr` always carries its prefix length (iptables-save adds `/32`). */
export interface AddressMatch {
  cidr: string
  negate: boolean
}

/** Connection-tracking states in the order libxt_conntrack prints them. */
export const CONNTRACK_STATES = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'] as const
export type ConntrackState = (typeof CONNTRACK_STATES)[number]

export type Match =
  | {kind: 'comment'; comment: string}
  /** `-m tcp|udp|sctp [--dport N]`; the protocol itself is the rule's `-p`. */
  | {kind: 'port'; protocol: Protocol; dport?: number}
  /** `written` is kube-proxy's text; `threshold` is the u32 the kernel compares (random & 0x7FFFFFFF) with. */
  | {kind: 'statistic'; mode: 'random'; written: string; threshold: number}
  | {kind: 'mark'; negate: boolean; value: number; mask: number}
  | {kind: 'addrtype'; srcType?: 'LOCAL'; dstType?: 'LOCAL'}
  | {kind: 'conntrack'; negate: boolean; states: ConntrackState[]}
  /** `-m recent`: `rcheck` (with seconds and reap) or `set`, keyed by source address. */
  | {kind: 'recent'; mode: 'rcheck' | 'set'; name: string; seconds?: number; reap?: boolean}

export type Target =
  | {kind: 'jump'; chain: string}
  | {kind: 'DNAT'; toDestination: string}
  /** MARK --set-xmark: the packet mark becomes (mark & ~mask) ^ value. */
  | {kind: 'MARK'; value: number; mask: number}
  | {kind: 'MASQUERADE'; randomFully: boolean}
  | {kind: 'REJECT'; rejectWith: 'icmp-port-unreachable'}
  | {kind: 'RETURN'}
  | {kind: 'DROP'}
  | {kind: 'ACCEPT'}

export interface Rule {
  chain: string
  source?: AddressMatch
  destination?: AddressMatch
  protocol?: Protocol
  matches: Match[]
  target: Target
}

/** Returns the comment of a rule (its first comment match), or undefined. */
export function ruleComment(rule: Rule): string | undefined {
  for (const match of rule.matches) if (match.kind === 'comment') return match.comment
  return undefined
}

/** Returns a string as xtables_save_string prints it: bare when only [A-Za-z0-9_-], else double-quoted. */
export function quoteSaveString(value: string): string {
  let text = quoted.get(value)
  if (text === undefined) {
    text = /^[A-Za-z0-9_-]+$/.test(value) ? value : `"${value.replace(/["\\']/g, (c) => `\\${c}`)}"`
    quoted.set(value, text)
  }
  return text
}

/** Comments repeat on every rule of a service: each is quoted once. */
const quoted = new Map<string, string>()

function hex(value: number): string {
  return `0x${(value >>> 0).toString(16)}`
}

/** Returns ` -s CIDR` / ` ! -s CIDR` (flag given with its leading space), or '' without an address. */
function addressText(flag: string, address: AddressMatch | undefined): string {
  if (!address) return ''
  return address.negate ? ` !${flag} ${address.cidr}` : `${flag} ${address.cidr}`
}

/** Returns the saved text of one match, starting with its `-m name`. */
export function matchText(match: Match): string {
  switch (match.kind) {
    case 'comment':
      return `-m comment --comment ${quoteSaveString(match.comment)}`
    case 'port':
      return match.dport === undefined ? `-m ${match.protocol}` : `-m ${match.protocol} --dport ${match.dport}`
    case 'statistic':
      return `-m statistic --mode ${match.mode} --probability ${savedProbability(match.threshold)}`
    case 'mark': {
      const mask = match.mask >>> 0 === 0xffffffff ? '' : `/${hex(match.mask)}`
      return `-m mark ${match.negate ? '! ' : ''}--mark ${hex(match.value)}${mask}`
    }
    case 'addrtype': {
      const parts = ['-m addrtype']
      if (match.srcType) parts.push(`--src-type ${match.srcType}`)
      if (match.dstType) parts.push(`--dst-type ${match.dstType}`)
      return parts.join(' ')
    }
    case 'conntrack': {
      const states = CONNTRACK_STATES.filter((s) => match.states.includes(s)).join(',')
      return `-m conntrack ${match.negate ? '! ' : ''}--ctstate ${states}`
    }
    case 'recent':
      return recentText(match)
  }
}

function recentText(match: Extract<Match, {kind: 'recent'}>): string {
  // libxt_recent saves the mode first, then --seconds/--reap, then the list name, mask and side.
  const parts = ['-m recent', `--${match.mode}`]
  if (match.seconds !== undefined) parts.push(`--seconds ${match.seconds}`)
  if (match.reap) parts.push('--reap')
  parts.push(`--name ${match.name}`, '--mask 255.255.255.255', '--rsource')
  return parts.join(' ')
}

/** Returns the saved text of a target, starting with `-j`. */
export function targetText(target: Target): string {
  switch (target.kind) {
    case 'jump':
      return `-j ${target.chain}`
    case 'DNAT':
      return `-j DNAT --to-destination ${target.toDestination}`
    case 'MARK':
      return `-j MARK --set-xmark ${hex(target.value)}/${hex(target.mask)}`
    case 'MASQUERADE':
      return target.randomFully ? '-j MASQUERADE --random-fully' : '-j MASQUERADE'
    case 'REJECT':
      return `-j REJECT --reject-with ${target.rejectWith}`
    default:
      return `-j ${target.kind}`
  }
}

/** Returns the iptables-save line of a rule: `-A CHAIN [!] -s … [!] -d … -p … <matches> -j …`. */
export function ruleText(rule: Rule): string {
  let text = `-A ${rule.chain}${addressText(' -s', rule.source)}${addressText(' -d', rule.destination)}`
  if (rule.protocol) text += ` -p ${rule.protocol}`
  for (const match of rule.matches) text += ` ${matchText(match)}`
  return `${text} ${targetText(rule.target)}`
}
