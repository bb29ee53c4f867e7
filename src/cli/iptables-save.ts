// `kbe iptables-save`: the node's iptables rules as kube-proxy would have written them for the cluster's
// Services and Endpoints, printed the way iptables-save prints them. `--style=tutorial` (default) is the
// 2017 kube-proxy the Kubernetes By Example page shows; `--style=modern` is kube-proxy v1.32. An unknown
// table gets the message of the matching iptables backend and exit 1.

import {CliError, RawError} from '../api/errors.js'
import type {Endpoints, Service} from '../api/types.js'
import type {Cluster} from '../cluster/cluster.js'
import {POD_CIDR} from '../net/ipam.js'
import {renderIptables, TABLE_NAMES} from '../net/kube-proxy/render.js'
import type {TableName} from '../net/kube-proxy/rule-set.js'
import {CommandOutput} from './output.js'

export type ProxyStyle = 'tutorial' | 'modern'

export interface IptablesSaveOptions {
  table?: string
  style: string
}

/** Checks the flags; returns the style and table. */
export function completeIptablesSave(options: IptablesSaveOptions): {style: ProxyStyle; table?: TableName} {
  if (options.style !== 'tutorial' && options.style !== 'modern') {
    throw new CliError(`invalid argument "${options.style}" for "--style" flag: must be one of: tutorial, modern`)
  }
  const style = options.style
  if (options.table !== undefined && !TABLE_NAMES.includes(options.table as TableName)) {
    throw new RawError(style === 'modern'
      ? `Table \`${options.table}' does not exist\n`
      : 'iptables-save v1.8.9 (legacy): Cannot initialize: Table does not exist (do you need to insmod?)\n')
  }
  return {style, table: options.table as TableName | undefined}
}

/** Runs `kbe iptables-save` against a cluster. */
export function runIptablesSave(options: IptablesSaveOptions, cluster: Cluster, now: Date): CommandOutput {
  const {style, table} = completeIptablesSave(options)
  const result = new CommandOutput()
  const services = cluster.store.list<Service>('services')
  const endpoints = cluster.store.list<Endpoints>('endpoints')
  result.out(renderIptables({services, endpoints, style, clusterCIDR: POD_CIDR}, now, table))
  return result
}
