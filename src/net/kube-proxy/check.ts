// Consistency checks over a built RuleSet, the invariants iptables-restore and kube-proxy rely on:
// every `-j` to a chain names a chain declared in the same table, no per-service chain
// (KUBE-SVC-/KUBE-EXT-/KUBE-SEP-) is left without a jump to it, and the KUBE-NODEPORTS rule is
// the last rule of nat KUBE-SERVICES. Used by tests and available to callers as a cheap guard;
// it reports problems as text and changes nothing.
import {ruleComment} from './rule.js'
import {findChain, findTable, type RuleSet} from './rule-set.js'

const PER_SERVICE_PREFIXES = ['KUBE-SVC-', 'KUBE-EXT-', 'KUBE-SEP-']

/** Returns the problems found in `ruleSet` (an empty list when it is consistent). */
export function checkRuleSet(ruleSet: RuleSet): string[] {
  const problems: string[] = []
  for (const table of ruleSet.tables) {
    const declared = new Set(table.chains.map((chain) => chain.name))
    const jumpedTo = new Set<string>()
    for (const chain of table.chains) {
      for (const rule of chain.rules) {
        if (rule.chain !== chain.name) problems.push(`${table.name}: rule filed under ${chain.name} says -A ${rule.chain}`)
        if (rule.target.kind !== 'jump') continue
        jumpedTo.add(rule.target.chain)
        if (!declared.has(rule.target.chain)) problems.push(`${table.name}: ${chain.name} jumps to undeclared chain ${rule.target.chain}`)
      }
    }
    for (const name of declared) {
      if (PER_SERVICE_PREFIXES.some((prefix) => name.startsWith(prefix)) && !jumpedTo.has(name)) {
        problems.push(`${table.name}: chain ${name} is declared but never jumped to`)
      }
    }
  }
  const nat = findTable(ruleSet, 'nat')
  const last = nat ? findChain(nat, 'KUBE-SERVICES')?.rules.at(-1) : undefined
  if (!last || !ruleComment(last)?.startsWith('kubernetes service nodeports')) {
    problems.push('nat: the KUBE-NODEPORTS rule is not the last rule of KUBE-SERVICES')
  }
  return problems
}
