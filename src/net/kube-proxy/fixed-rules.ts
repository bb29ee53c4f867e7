// The rules a node carries whatever Services exist: the kubelet's chains (KUBE-FIREWALL,
// KUBE-MARK-DROP in the tutorial era, the canaries today) and kube-proxy's jump rules from the
// builtin chains, masquerade marking and KUBE-POSTROUTING. They are flat declarations per style,
// copied from the observed dumps in the kube-proxy reference (§2.1, §3, §6.2, §6.3), in the order
// the chains print them. The per-Service rules live in modern.ts and tutorial.ts.
//
// Tutorial-era filter table (decided here; the reference notes only nat matters for the tutorial):
// the v1.4/1.5 kubelet created KUBE-FIREWALL (dropping packets marked 0x8000) and prepended jumps
// to it from INPUT and OUTPUT; kube-proxy started after it and prepended its KUBE-SERVICES jump to
// OUTPUT only (INPUT came in 1.6), so OUTPUT lists KUBE-SERVICES first.
import type {ProxyStyle} from './chain-names.js'
import type {Match, Rule, Target} from './rule.js'
import {comment, jumpTo, rule, type TableBuilder, type TableName} from './rule-set.js'

/** kube-proxy's masquerade mark (1 << masqueradeBit 14). */
export const MASQUERADE_MARK = 0x4000
/** The kubelet's drop mark of the tutorial era (1 << 15). */
export const DROP_MARK = 0x8000

export const KUBE_SERVICES = 'KUBE-SERVICES'
export const KUBE_NODEPORTS = 'KUBE-NODEPORTS'
export const KUBE_EXTERNAL_SERVICES = 'KUBE-EXTERNAL-SERVICES'
export const KUBE_MARK_MASQ = 'KUBE-MARK-MASQ'
export const KUBE_POSTROUTING = 'KUBE-POSTROUTING'

type Declaration = [chain: string, matches: Match[], target: Target, where?: Pick<Rule, 'source' | 'destination'>]

const SERVICE_PORTALS = comment('kubernetes service portals')
const ctNew: Match = {kind: 'conntrack', negate: false, states: ['NEW']}
const masqMarked: Match = {kind: 'mark', negate: false, value: MASQUERADE_MARK, mask: MASQUERADE_MARK}

const NAT_JUMPS: Declaration[] = [
  ['PREROUTING', [SERVICE_PORTALS], jumpTo(KUBE_SERVICES)],
  ['OUTPUT', [SERVICE_PORTALS], jumpTo(KUBE_SERVICES)],
  ['POSTROUTING', [comment('kubernetes postrouting rules')], jumpTo(KUBE_POSTROUTING)],
]

const SNAT_COMMENT = comment('kubernetes service traffic requiring SNAT')

const MODERN_NAT: Declaration[] = [
  ...NAT_JUMPS,
  [KUBE_MARK_MASQ, [], {kind: 'MARK', value: MASQUERADE_MARK, mask: MASQUERADE_MARK}],
  [KUBE_POSTROUTING, [{...masqMarked, negate: true}], {kind: 'RETURN'}],
  [KUBE_POSTROUTING, [], {kind: 'MARK', value: MASQUERADE_MARK, mask: 0}],
  [KUBE_POSTROUTING, [SNAT_COMMENT], {kind: 'MASQUERADE', randomFully: true}],
]

const TUTORIAL_NAT: Declaration[] = [
  ...NAT_JUMPS,
  ['KUBE-MARK-DROP', [], {kind: 'MARK', value: DROP_MARK, mask: DROP_MARK}],
  [KUBE_MARK_MASQ, [], {kind: 'MARK', value: MASQUERADE_MARK, mask: MASQUERADE_MARK}],
  [KUBE_POSTROUTING, [SNAT_COMMENT, masqMarked], {kind: 'MASQUERADE', randomFully: false}],
]

const LB_FIREWALL = comment('kubernetes load balancer firewall')
const EXTERNAL_PORTALS = comment('kubernetes externally-visible service portals')

const MODERN_FILTER: Declaration[] = [
  ['INPUT', [], jumpTo('KUBE-FIREWALL')],
  ['INPUT', [ctNew, LB_FIREWALL], jumpTo('KUBE-PROXY-FIREWALL')],
  ['INPUT', [comment('kubernetes health check service ports')], jumpTo(KUBE_NODEPORTS)],
  ['INPUT', [ctNew, EXTERNAL_PORTALS], jumpTo(KUBE_EXTERNAL_SERVICES)],
  ['FORWARD', [ctNew, LB_FIREWALL], jumpTo('KUBE-PROXY-FIREWALL')],
  ['FORWARD', [comment('kubernetes forwarding rules')], jumpTo('KUBE-FORWARD')],
  ['FORWARD', [ctNew, SERVICE_PORTALS], jumpTo(KUBE_SERVICES)],
  ['FORWARD', [ctNew, EXTERNAL_PORTALS], jumpTo(KUBE_EXTERNAL_SERVICES)],
  ['OUTPUT', [], jumpTo('KUBE-FIREWALL')],
  ['OUTPUT', [ctNew, LB_FIREWALL], jumpTo('KUBE-PROXY-FIREWALL')],
  ['OUTPUT', [ctNew, SERVICE_PORTALS], jumpTo(KUBE_SERVICES)],
  [
    'KUBE-FIREWALL',
    [comment('block incoming localnet connections'), {kind: 'conntrack', negate: true, states: ['RELATED', 'ESTABLISHED', 'DNAT']}],
    {kind: 'DROP'},
    {source: {cidr: '127.0.0.0/8', negate: true}, destination: {cidr: '127.0.0.0/8', negate: false}},
  ],
  ['KUBE-FORWARD', [{kind: 'conntrack', negate: false, states: ['INVALID']}], {kind: 'DROP'}],
  ['KUBE-FORWARD', [comment('kubernetes forwarding rules'), masqMarked], {kind: 'ACCEPT'}],
  [
    'KUBE-FORWARD',
    [comment('kubernetes forwarding conntrack rule'), {kind: 'conntrack', negate: false, states: ['RELATED', 'ESTABLISHED']}],
    {kind: 'ACCEPT'},
  ],
]

const TUTORIAL_FILTER: Declaration[] = [
  ['INPUT', [], jumpTo('KUBE-FIREWALL')],
  ['OUTPUT', [SERVICE_PORTALS], jumpTo(KUBE_SERVICES)],
  ['OUTPUT', [], jumpTo('KUBE-FIREWALL')],
  [
    'KUBE-FIREWALL',
    [comment('kubernetes firewall for dropping marked packets'), {kind: 'mark', negate: false, value: DROP_MARK, mask: DROP_MARK}],
    {kind: 'DROP'},
  ],
]

/** User chains each style's fixed part declares, per table. */
const FIXED_CHAINS = {
  modern: {
    mangle: ['KUBE-IPTABLES-HINT', 'KUBE-KUBELET-CANARY', 'KUBE-PROXY-CANARY'],
    filter: [
      KUBE_EXTERNAL_SERVICES, 'KUBE-FIREWALL', 'KUBE-FORWARD', 'KUBE-KUBELET-CANARY',
      KUBE_NODEPORTS, 'KUBE-PROXY-CANARY', 'KUBE-PROXY-FIREWALL', KUBE_SERVICES,
    ],
    nat: ['KUBE-KUBELET-CANARY', KUBE_MARK_MASQ, KUBE_NODEPORTS, KUBE_POSTROUTING, 'KUBE-PROXY-CANARY', KUBE_SERVICES],
  },
  tutorial: {
    mangle: [],
    filter: ['KUBE-FIREWALL', KUBE_SERVICES],
    nat: ['KUBE-MARK-DROP', KUBE_MARK_MASQ, KUBE_NODEPORTS, KUBE_POSTROUTING, KUBE_SERVICES],
  },
} as const

const FIXED_RULES = {
  modern: {mangle: [], filter: MODERN_FILTER, nat: MODERN_NAT},
  tutorial: {mangle: [], filter: TUTORIAL_FILTER, nat: TUTORIAL_NAT},
} as const

/** Declares the style's fixed chains of one table in `builder` and appends their fixed rules. */
export function addFixedRules(builder: TableBuilder, table: TableName, style: ProxyStyle): void {
  for (const chain of FIXED_CHAINS[style][table]) builder.ensureChain(chain)
  const declarations: readonly Declaration[] = FIXED_RULES[style][table]
  // Cloned so that a caller editing a built RuleSet cannot change the shared declarations.
  for (const [chain, matches, target, where] of declarations) builder.append(structuredClone(rule(chain, matches, target, where)))
}

/** Returns the rule that must be the last one in nat KUBE-SERVICES: local-destination traffic goes to KUBE-NODEPORTS. */
export function nodePortsLastRule(): Rule {
  return rule(
    KUBE_SERVICES,
    [comment('kubernetes service nodeports; NOTE: this must be the last rule in this chain'), {kind: 'addrtype', dstType: 'LOCAL'}],
    jumpTo(KUBE_NODEPORTS),
  )
}
