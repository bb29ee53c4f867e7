// `kbe describe`: resolves the objects (by name, by kubectl's name-prefix fallback, or by listing with a
// selector), gathers what each describer needs — events of the object, the pods of a controller, the
// endpoints of a service — and joins the texts the way kubectl does. The describers themselves are pure
// functions in src/printers/describe, one per kind.

import {CliError} from '../api/errors.js'
import {qualifiedResource, type ResourceInfo} from '../api/registry.js'
import type {Endpoints, Event, KubeObject, Lease, Namespace, Node, Pod, ReplicationController, Service} from '../api/types.js'
import type {Cluster} from '../cluster/cluster.js'
import {controllerOf} from '../controllers/replication.js'
import {describeEndpoints} from '../printers/describe/endpoints.js'
import {describeNamespace} from '../printers/describe/namespace.js'
import {describeNode} from '../printers/describe/node.js'
import {describePod} from '../printers/describe/pod.js'
import {describeReplicationController} from '../printers/describe/replication-controller.js'
import {describeService} from '../printers/describe/service.js'
import {describeReplicaSet, type ReplicaSet} from '../printers/describe/replica-set.js'
import {describeDeployment, type Deployment} from '../printers/describe/deployment.js'
import {joinDescriptions, joinPrefixMatchDescriptions} from '../printers/describe/writer.js'
import {notFound} from '../api/errors.js'
import {fetchRequest, noResourcesMessage} from './fetch.js'
import {CommandOutput} from './output.js'
import {parseResourceArgs} from './resource-args.js'
import {compileSelector} from './selector.js'

export interface DescribeOptions {
  args: string[]
  namespace: string
  allNamespaces: boolean
  selector?: string
}

type Describer = (obj: KubeObject, cluster: Cluster, now: Date) => string

function eventsFor(cluster: Cluster, obj: KubeObject): Event[] {
  const ns = obj.metadata.namespace ?? 'default'
  // kubectl selects by involvedObject name, namespace and uid; the kubelet writes node events with the
  // node's name as uid.
  const uids = obj.kind === 'Node' ? [obj.metadata.uid, obj.metadata.name] : [obj.metadata.uid]
  return cluster.store.eventsInvolving<Event>(ns, uids).filter((e) => e.involvedObject.name === obj.metadata.name)
}

const DESCRIBERS: Record<string, Describer> = {
  pods: (obj, cluster, now) => describePod(obj as Pod, {events: eventsFor(cluster, obj)}, {now}),
  services: (obj, cluster, now) => {
    const svc = obj as Service
    const endpoints = cluster.store.find<Endpoints>('endpoints', svc.metadata.namespace, svc.metadata.name as string)
    const hasEndpointSlices = Object.keys(svc.spec.selector ?? {}).length > 0 || endpoints !== undefined
    return describeService(svc, {endpoints, hasEndpointSlices, events: eventsFor(cluster, obj)}, {now})
  },
  replicationcontrollers: (obj, cluster, now) => {
    const pods = ownedBy<Pod>(cluster, 'pods', obj)
    return describeReplicationController(obj as ReplicationController, {pods, events: eventsFor(cluster, obj)}, {now})
  },
  replicasets: (obj, cluster, now) => describeReplicaSet(obj as ReplicaSet, {pods: ownedBy<Pod>(cluster, 'pods', obj), events: eventsFor(cluster, obj)}, {now}),
  deployments: (obj, cluster, now) => {
    const sets = ownedBy<ReplicaSet>(cluster, 'replicasets', obj)
    // The newest revision is the new ReplicaSet; the others are old (deployment-controller's view).
    const revision = (rs: ReplicaSet) => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0)
    const newest = [...sets].sort((a, b) => revision(b) - revision(a))[0]
    return describeDeployment(obj as Deployment, {newReplicaSet: newest, oldReplicaSets: sets.filter((s) => s !== newest), events: eventsFor(cluster, obj)}, {now})
  },
  endpoints: (obj, cluster, now) => describeEndpoints(obj as Endpoints, {events: eventsFor(cluster, obj)}, {now}),
  namespaces: (obj, _cluster, now) => describeNamespace(obj as Namespace, {resourceQuotas: [], limitRanges: []}, {now}),
  nodes: (obj, cluster, now) => {
    const pods = cluster.store.list<Pod>('pods').filter((p) => p.spec.nodeName === obj.metadata.name && !['Succeeded', 'Failed'].includes(p.status?.phase ?? ''))
    const lease = nodeLease(cluster, obj as Node, now)
    return describeNode(withHeartbeats(obj as Node, now), {pods, events: eventsFor(cluster, obj), lease}, {now})
  },
}

function ownedBy<T extends KubeObject>(cluster: Cluster, resource: string, owner: KubeObject): T[] {
  return cluster.store.list<T>(resource, owner.metadata.namespace).filter((o) => controllerOf(o)?.uid === owner.metadata.uid)
}

/** The kubelet renews its node lease every 10 s; a describe shows the latest renewal. */
function nodeLease(cluster: Cluster, node: Node, now: Date): Lease {
  const renew = lastTick(node, now, 10_000)
  return {apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: {name: node.metadata.name, namespace: 'kube-node-lease'},
    spec: {holderIdentity: node.metadata.name, leaseDurationSeconds: 40, renewTime: new Date(renew).toISOString().replace('Z', '000Z')}}
}

/** Returns the last multiple of `period` since the node came up, at or before `now`. */
function lastTick(node: Node, now: Date, period: number): number {
  const created = Date.parse(node.metadata.creationTimestamp ?? '') || now.getTime()
  return created + Math.floor(Math.max(0, now.getTime() - created) / period) * period
}

/** The kubelet reposts unchanged node conditions every 5 minutes (nodeStatusReportFrequency). */
function withHeartbeats(node: Node, now: Date): Node {
  const beat = new Date(lastTick(node, now, 5 * 60_000)).toISOString().replace(/\.\d{3}Z$/, 'Z')
  return {...node, status: {...node.status, conditions: node.status.conditions?.map((c) => ({...c, lastHeartbeatTime: beat}))}}
}

function describerFor(info: ResourceInfo): Describer {
  const describer = DESCRIBERS[info.resource]
  if (!describer) throw new CliError(`kbe does not describe ${qualifiedResource(info)} yet; use "kbe get ${info.resource} -o yaml"`)
  return describer
}

/** Runs `kbe describe` against a cluster. */
export function runDescribe(options: DescribeOptions, cluster: Cluster, now: Date): CommandOutput {
  const result = new CommandOutput()
  if (options.args.length === 0) {
    throw new CliError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.')
  }
  const requests = parseResourceArgs(options.args)
  const namespace = options.allNamespaces ? undefined : options.namespace
  const matches = options.selector === undefined ? undefined : compileSelector(options.selector, requests[0]?.info)
  const texts: string[] = []
  const prefixForm = options.args.length === 2 && !options.args[0].includes('/')
  for (const request of requests) {
    const describe = describerFor(request.info)
    const {objects, errors} = fetchRequest(cluster, request, namespace, matches)
    if (prefixForm && errors.length === 1 && objects.length === 0) {
      const prefix = request.names[0]
      const byPrefix = cluster.store.list(request.info.resource, request.info.namespaced ? namespace : undefined).filter((o) => (o.metadata.name ?? '').startsWith(prefix))
      if (byPrefix.length) {
        result.out(joinPrefixMatchDescriptions(byPrefix.map((o) => describe(o, cluster, now))))
        continue
      }
      result.fail(notFound(qualifiedResource(request.info), prefix))
      continue
    }
    for (const e of errors) result.fail(e)
    texts.push(...objects.map((o) => describe(o, cluster, now)))
  }
  if (texts.length) result.out(joinDescriptions(texts))
  if (texts.length === 0 && result.stdout === '' && result.exitCode === 0) {
    result.err(noResourcesMessage(options.allNamespaces || requests.some((r) => !r.info.namespaced) ? undefined : options.namespace))
  }
  return result
}
