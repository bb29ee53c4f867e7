// The text of `--trace`: a packet's path through the node, one line per step. A line starts with a
// label column (`packet`, `route`, the table name, `verdict`, `source`); route lines read like
// `ip route get`, rule lines carry the rule exactly as iptables-save prints it followed by what the
// kernel decided (`match` / `no match`, the random number drawn against the printed probability,
// the mark, destination or source a target set). Stable and deterministic: golden tests pin it.
import {formatFixedExact} from '../kube-proxy/probability.js'
import type {Packet, RouteStep, RuleStep, Trace, Verdict} from './types.js'

const LABEL_WIDTH = 8
const TWO_POW_31 = 0x80000000n

function line(label: string, text: string): string {
  return `${label.padEnd(LABEL_WIDTH)}${text}`
}

/** Returns a 31-bit statistic value as the fraction of 2^31 it stands for, printed like iptables-save prints probabilities. */
export function drawText(value: number): string {
  return formatFixedExact(BigInt(value), TWO_POW_31, 11)
}

function endpointText(ip: string, port?: number): string {
  return port === undefined ? ip : `${ip}:${port}`
}

function packetText(packet: Packet): string {
  const to = endpointText(packet.destination, packet.destinationPort)
  if (packet.origin === 'node') {
    const from = packet.source === undefined ? '' : ` ${endpointText(packet.source, packet.sourcePort)}`
    return `${packet.protocol} from the node${from} to ${to}`
  }
  return `${packet.protocol} from the pod ${endpointText(packet.source ?? '?', packet.sourcePort)} to ${to}`
}

function routeText(step: RouteStep): string {
  if (step.local) return `local ${step.destination} dev ${step.dev} src ${step.src}`
  const via = step.via === undefined ? '' : ` via ${step.via}`
  return `${step.destination}${via} dev ${step.dev} src ${step.src}`
}

function hex(value: number): string {
  return `0x${(value >>> 0).toString(16)}`
}

function ruleResult(step: RuleStep): string {
  const draw = step.draw
  const random = draw ? ` (random ${drawText(draw.value)} ${draw.value < draw.threshold ? '<' : '>='} ${drawText(draw.threshold)})` : ''
  if (!step.matched) return `no match${random}`
  const target = step.rule.target
  switch (target.kind) {
    case 'MARK':
      return `match${random}, mark ${hex(step.markAfter ?? 0)}`
    case 'DNAT':
      return `match${random}, destination ${target.toDestination}`
    case 'MASQUERADE':
      return `match${random}, source ${step.sourceAfter ?? '?'}`
    case 'REJECT':
      return `match${random}, rejected`
    case 'DROP':
      return `match${random}, dropped`
    default:
      return `match${random}`
  }
}

function verdictText(trace: Trace): string {
  const verdict: Verdict = trace.verdict
  const to = endpointText(trace.destination.ip, trace.destination.port)
  switch (verdict.kind) {
    case 'pod':
      return `ACCEPT: delivered to ${to} on ${verdict.dev}`
    case 'node':
      return `ACCEPT: delivered to the node itself (${to})`
    case 'reject':
      return `REJECT in ${verdict.table} ${verdict.chain}: icmp-port-unreachable goes back to the sender, the connection is refused`
    case 'drop': {
      const where = verdict.table === undefined ? '' : ` in ${verdict.table} ${verdict.chain}`
      return `DROP${where}: ${verdict.reason}; nothing answers, the connection times out`
    }
    case 'unreachable':
      return `no host answers ARP for ${trace.destination.ip} on ${verdict.dev}: host unreachable`
    case 'no-answer': {
      const via = verdict.via === undefined ? '' : ` via ${verdict.via}`
      return `sent out ${verdict.dev}${via}; nothing answers ${to}, the connection times out`
    }
    case 'no-route':
      return `no route to ${trace.destination.ip}: network unreachable`
  }
}

/** Returns the `--trace` text of a trace: the packet, each route and rule step, the verdict and the source address the receiver sees. */
export function formatTrace(trace: Trace): string {
  const lines = [line('packet', packetText(trace.packet))]
  for (const step of trace.steps) {
    if (step.kind === 'route') lines.push(line('route', routeText(step)))
    else lines.push(line(step.table, `${step.text}  => ${ruleResult(step)}`))
  }
  lines.push(line('verdict', verdictText(trace)))
  if (trace.verdict.kind === 'pod' || trace.verdict.kind === 'node') {
    lines.push(line('source', `${trace.source} (the address ${endpointText(trace.destination.ip, trace.destination.port)} sees the connection come from)`))
  }
  return lines.map((text) => `${text}\n`).join('')
}
