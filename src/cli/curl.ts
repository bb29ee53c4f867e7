// `kbe curl` and the curl inside `kbe exec`: curl's own arguments plus kbe's two (`--trace`, which
// prints the packet's path through the node's rules on stderr, and `--style tutorial|modern`, which
// picks the kube-proxy rule set as `kbe iptables-save --style` does), run by the pure curl core
// over the cluster's network with the node or a pod as the caller. Exit code and output are curl's.
import type {Endpoints, Service} from '../api/types.js'
import type {Cluster} from '../cluster/cluster.js'
import {NODE_HOSTS, type NetworkCaller} from '../net/curl/cluster-network.js'
import {parseCurlArgs} from '../net/curl/args.js'
import {runCurl} from '../net/curl/run.js'
import {parseCurlUrl} from '../net/curl/url.js'
import {resolveName} from '../net/dns.js'
import {parseIPv4} from '../net/ipam.js'
import {inCidr} from '../net/trace/match.js'
import {ProcessOutput, formatTraceReport, type TraceReport} from './container-output.js'
import {networkPods, proxyStyle, trafficNetwork, trafficRandom} from './container-network.js'
import type {ProxyStyle} from '../net/kube-proxy/chain-names.js'

export interface CurlCommandOptions {
  /** curl's own arguments (kbe's --trace and --style removed). */
  args: string[]
  style: ProxyStyle
  trace: boolean
  /** Whether curl's stdout is a terminal (decides the progress meter). */
  stdoutIsTTY: boolean
}

/** Splits kbe's `--trace` and `--style X` / `--style=X` from curl's own arguments. */
export function splitCurlArgv(argv: readonly string[]): {args: string[]; style: ProxyStyle; trace: boolean} {
  const args: string[] = []
  let style: string | undefined
  let trace = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--trace') trace = true
    else if (arg.startsWith('--style=')) style = arg.slice('--style='.length)
    else if (arg === '--style' && i + 1 < argv.length) style = argv[++i]
    else args.push(arg)
  }
  return {args, style: proxyStyle(style), trace}
}

export interface CurlSession {
  seed: number
  now: Date
}

/** Runs curl as `caller` over the cluster's network; returns curl's stdout, stderr (after the trace) and exit code. */
export function runClusterCurl(options: CurlCommandOptions, cluster: Cluster, caller: NetworkCaller, session: CurlSession): ProcessOutput {
  const network = trafficNetwork(cluster, {caller, style: options.style, random: trafficRandom(session.seed, session.now), now: session.now})
  const result = runCurl(options.args, network, {stdoutIsTTY: options.stdoutIsTTY})
  const output = new ProcessOutput()
  output.code = result.exitCode
  if (options.trace) output.err(traceText(options.args, cluster, caller, result))
  output.err(result.stderr)
  output.out(result.stdout)
  return output
}

function traceText(args: string[], cluster: Cluster, caller: NetworkCaller, result: ReturnType<typeof runCurl>): string {
  const parsed = parseCurlArgs(args)
  const url = 'options' in parsed ? parseCurlUrl(parsed.options.url) : undefined
  if (!url || 'error' in url) return ''
  const report: TraceReport = {pods: networkPods(cluster), trace: result.trace, response: result.response}
  const {host, port} = url.url
  if (parseIPv4(host) === undefined) {
    const answer = resolveName(host, {
      services: cluster.store.list<Service>('services'), endpoints: cluster.store.list<Endpoints>('endpoints'),
      callerNamespace: caller.kind === 'pod' ? caller.pod.namespace : undefined,
      hosts: caller.kind === 'pod' ? {localhost: '127.0.0.1', [caller.pod.name]: caller.pod.ip} : NODE_HOSTS,
    })
    report.dns = 'ip' in answer ? {name: host, fqdn: answer.fqdn, ip: answer.ip} : {name: host}
  }
  const ip = report.dns ? report.dns.ip : host
  if (!result.trace && ip !== undefined && caller.kind === 'pod' && (inCidr('127.0.0.0/8', ip) || ip === caller.pod.ip)) report.local = {ip, port}
  return formatTraceReport(report)
}

/** Runs `kbe curl ARGS` from the node. */
export function runNodeCurl(options: CurlCommandOptions, cluster: Cluster, session: CurlSession): ProcessOutput {
  return runClusterCurl(options, cluster, {kind: 'node'}, session)
}
