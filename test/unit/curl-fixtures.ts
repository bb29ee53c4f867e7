// A small simulated cluster for the curl tests: the tutorial's simpleservice (default) backed by
// rcsise pods, thesvc in namespace `other`, and a centos:7 jump pod; plus the golden text layout.
import type {Endpoints, Service} from '../../src/api/types.js'
import {buildRuleSet} from '../../src/net/kube-proxy/model.js'
import {clusterNetwork, type NetworkCaller, type NetworkPod} from '../../src/net/curl/cluster-network.js'
import type {CurlResult} from '../../src/net/curl/run.js'
import {Sfc32, seedState} from '../../src/util/random.js'
import {freshCluster, makeEndpoints, makeService, proxyInput, simpleEndpoints, simpleservice, subset} from './kube-proxy-fixtures.js'

export const NOW = new Date('2017-04-25T13:47:50Z')

const sise = (name: string, ip: string, env: [string, string][] = []): NetworkPod => ({
  namespace: 'default', name, ip,
  containers: [{name: 'rcsise', image: 'mhausenblas/simpleservice:0.5.0', env: [['HOSTNAME', name], ...env]}],
})
export const RCSISE = sise('rcsise-6nq3k', '172.17.0.3')
export const RCSISE_2 = sise('rcsise-nv8zm', '172.17.0.4')
export const JUMPOD: NetworkPod = {namespace: 'default', name: 'jumpod', ip: '172.17.0.5', containers: [{name: 'shell', image: 'centos:7', env: []}]}
export const OTHER_SISE: NetworkPod = {...sise('rcsise-x2k4p', '172.17.0.6'), namespace: 'other'}
export const SLOW = sise('slow-4hq2w', '172.17.0.7', [['HEALTH_MIN', '2500'], ['HEALTH_MAX', '2600']])

export interface ClusterSpec {
  style?: 'tutorial' | 'modern'
  /** Ready pods behind simpleservice. */
  backends?: NetworkPod[]
  caller?: NetworkCaller
  seed?: number
}

/** Returns the network of a small cluster as seen by the caller (the node by default). */
export function testNetwork(spec: ClusterSpec = {}) {
  const backends = spec.backends ?? [RCSISE]
  const fresh = freshCluster()
  const thesvc = makeService('other', 'thesvc', '172.30.251.137', [{port: 80, targetPort: 9876}])
  const services: Service[] = [...fresh.services, simpleservice(), thesvc]
  const endpoints: Endpoints[] = [
    ...fresh.endpoints, simpleEndpoints(...backends.map((p) => p.ip)), makeEndpoints('other', 'thesvc', [subset([OTHER_SISE.ip], [{port: 9876}])]),
  ]
  const ruleSet = buildRuleSet(proxyInput(spec.style ?? 'tutorial', services, endpoints))
  const pods = [RCSISE, RCSISE_2, JUMPOD, OTHER_SISE, SLOW].filter((p) => p !== RCSISE_2 || backends.includes(RCSISE_2))
  return clusterNetwork({ruleSet, services, endpoints, pods, caller: spec.caller ?? {kind: 'node'}, random: new Sfc32(seedState(spec.seed ?? 5)), now: NOW})
}

/** Returns the golden text of a curl run: the command, exit code, elapsed time, then stdout and stderr with byte counts. */
export function curlTranscript(args: string[], result: CurlResult): string {
  const section = (name: string, text: string) => `--- ${name} (${Buffer.byteLength(text)} bytes)\n${text}${text.endsWith('\n') || text === '' ? '' : '\n'}`
  return `$ curl ${args.join(' ')}\nexit ${result.exitCode} after ${result.elapsedMs} ms\n${section('stdout', result.stdout)}${section('stderr', result.stderr)}`
}
