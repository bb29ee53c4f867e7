import assert from 'node:assert/strict'
import {findChain, findTable} from '../../src/net/kube-proxy/rule-set.js'
import {tracePacket} from '../../src/net/trace/tracer.js'
import {seeded, simpleRuleSet, STYLES, VIP} from './trace-fixtures.js'

const TRACES = 3000
const TWO_POW_31 = 0x80000000

/** The share of traffic each KUBE-SVC rule gets according to the printed (stored) thresholds. */
function printedShares(rules: ReturnType<typeof simpleRuleSet>): number[] {
  const nat = findTable(rules, 'nat')
  const svc = nat?.chains.find((c) => c.name.startsWith('KUBE-SVC-') && c.rules.some((r) => r.matches.some((m) => m.kind === 'comment' && m.comment.includes('simpleservice'))))
  assert.ok(svc && nat && findChain(nat, svc.name))
  let remaining = 1
  const toEndpoints = svc.rules.filter((r) => r.target.kind === 'jump' && r.target.chain.startsWith('KUBE-SEP-'))
  return toEndpoints.map((rule) => {
    const statistic = rule.matches.find((m) => m.kind === 'statistic')
    const p = statistic?.kind === 'statistic' ? statistic.threshold / TWO_POW_31 : 1
    const share = remaining * p
    remaining -= share
    return share
  })
}

describe('packet tracer: endpoint split follows the printed probabilities', () => {
  for (const style of STYLES) {
    for (const pods of [['172.17.0.3', '172.17.0.4'], ['172.17.0.3', '172.17.0.4', '172.17.0.5']]) {
      it(`${style}, ${pods.length} endpoints, ${TRACES} seeded connections`, () => {
        const rules = simpleRuleSet(style, pods)
        const random = seeded(2017)
        const counts = new Map(pods.map((ip) => [ip, 0]))
        for (let i = 0; i < TRACES; i++) {
          const trace = tracePacket(rules, {protocol: 'tcp', destination: VIP, destinationPort: 80, origin: 'node'}, random, {podIPs: pods})
          assert.equal(trace.verdict.kind, 'pod')
          counts.set(trace.destination.ip, (counts.get(trace.destination.ip) ?? 0) + 1)
        }
        const shares = printedShares(rules)
        assert.equal(shares.length, pods.length)
        pods.forEach((ip, i) => {
          const expected = shares[i] * TRACES
          // ±4 standard deviations of a binomial count: a fixed seed keeps the test stable anyway.
          const tolerance = 4 * Math.sqrt(TRACES * shares[i] * (1 - shares[i]))
          const got = counts.get(ip) ?? 0
          assert.ok(Math.abs(got - expected) <= tolerance, `${ip}: ${got} of ${TRACES}, expected ${expected.toFixed(1)} ± ${tolerance.toFixed(1)}`)
        })
      })
    }
  }
})
