import assert from 'node:assert/strict'
import {drawText, formatTrace} from '../../src/net/trace/format.js'
import {tracePacket} from '../../src/net/trace/tracer.js'
import type {Packet} from '../../src/net/trace/types.js'
import {expectGolden} from '../helpers/golden.js'
import {seeded, simpleRuleSet, VIP, type Style} from './trace-fixtures.js'

const PODS = ['172.17.0.2', '172.17.0.3', '172.17.0.4', '172.17.0.5']
const nodeToVip: Packet = {protocol: 'tcp', destination: VIP, destinationPort: 80, origin: 'node'}

const CASES: {name: string; style: Style; endpoints: string[]; packet: Packet; seed?: number}[] = [
  {name: 'trace-tutorial-node-to-vip-2-endpoints', style: 'tutorial', endpoints: ['172.17.0.3', '172.17.0.4'], packet: nodeToVip},
  {name: 'trace-modern-node-to-vip-3-endpoints', style: 'modern', endpoints: ['172.17.0.3', '172.17.0.4', '172.17.0.5'], packet: nodeToVip},
  {name: 'trace-tutorial-node-to-pod', style: 'tutorial', endpoints: ['172.17.0.3'], packet: {protocol: 'tcp', destination: '172.17.0.3', destinationPort: 9876, origin: 'node'}},
  {name: 'trace-tutorial-no-endpoints', style: 'tutorial', endpoints: [], packet: nodeToVip},
  {name: 'trace-modern-no-endpoints', style: 'modern', endpoints: [], packet: nodeToVip},
  {name: 'trace-modern-pod-hairpin', style: 'modern', endpoints: ['172.17.0.3'], packet: {protocol: 'tcp', source: '172.17.0.3', sourcePort: 51234, destination: VIP, destinationPort: 80, origin: 'pod'}},
  {name: 'trace-tutorial-unknown-address', style: 'tutorial', endpoints: ['172.17.0.3'], packet: {protocol: 'tcp', destination: '10.9.9.9', destinationPort: 80, origin: 'node'}},
]

describe('formatTrace', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const trace = tracePacket(simpleRuleSet(c.style, c.endpoints), c.packet, seeded(c.seed ?? 3), {podIPs: PODS})
      expectGolden('curl', c.name, formatTrace(trace))
    })
  }

  it('prints draws as fractions of 2^31 with 11 decimals, like iptables-save prints probabilities', () => {
    assert.deepEqual([0, 0x40000000, 0x7fffffff, 715827883].map(drawText), ['0.00000000000', '0.50000000000', '0.99999999953', '0.33333333349'])
  })
})
