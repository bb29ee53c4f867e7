// The output of a command that runs a process (curl on the node, a command in a container): its
// stdout, stderr and exit code are the process's own, so the exit code is not limited to kubectl's
// 0/1. Also the `--trace` report that follows a packet trace: the DNS answer, the trace itself and
// which container's application answered.
import type {HttpResponse} from '../apps/types.js'
import type {NetworkPod} from '../net/curl/cluster-network.js'
import {formatTrace} from '../net/trace/format.js'
import type {Trace} from '../net/trace/types.js'
import {CommandOutput} from './output.js'

/** A CommandOutput whose exit code is the process's (kubectl's errors, if any, still make it 1). */
export class ProcessOutput extends CommandOutput {
  code = 0

  override get exitCode(): number {
    return this.failed ? 1 : this.code
  }
}

const LABEL_WIDTH = 8

function line(label: string, text: string): string {
  return `${label.padEnd(LABEL_WIDTH)}${text}\n`
}

export interface TraceReport {
  /** The name as typed and what it resolved to, when it was not an address. */
  dns?: {name: string; fqdn?: string; ip?: string}
  trace?: Trace
  /** The connection stayed inside the caller's own network namespace (no netfilter). */
  local?: {ip: string; port: number}
  response?: HttpResponse
  pods: NetworkPod[]
}

/** Returns the `--trace` text: DNS, the packet's path rule by rule, then the container that answered. */
export function formatTraceReport(report: TraceReport): string {
  let text = ''
  const {dns} = report
  if (dns) text += line('dns', dns.ip === undefined ? `${dns.name}: not found` : `${dns.name} -> ${dns.fqdn ?? dns.name} ${dns.ip}`)
  if (report.trace) text += formatTrace(report.trace)
  if (report.local) {
    text += line('packet', `tcp to ${report.local.ip}:${report.local.port} inside the pod's own network namespace`)
    text += line('verdict', 'delivered on the pod\'s own interface: no node rules apply')
  }
  const to = report.trace?.destination
  const pod = to && report.pods.find((p) => p.ip === to.ip)
  if (pod && report.response) text += line('answer', `${report.response.status} ${report.response.reason} from pod ${pod.namespace}/${pod.name} (${pod.ip}:${to.port})`)
  else if (report.local && report.response) text += line('answer', `${report.response.status} ${report.response.reason} from ${report.local.ip}:${report.local.port}`)
  return text
}
