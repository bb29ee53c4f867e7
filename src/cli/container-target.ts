// Which pod `exec` and `port-forward` talk to (kubectl's AttachablePodForObject): a bare name or
// pod/NAME is that pod; a Service, ReplicationController, ReplicaSet or Deployment stands for the
// first of the pods its selector matches, in the order kubectl's GetFirstPod sorts them (the
// reverse of the scale-down order: running, ready the longest, fewest restarts, oldest first).
import {CliError} from '../api/errors.js'
import {resolveResource} from '../api/registry.js'
import {labelSelectorAsSelector, selectorFromSet, type Selector} from '../api/labels/selector.js'
import type {KubeObject, Pod, Service} from '../api/types.js'
import type {Cluster} from '../cluster/cluster.js'
import {compareForDeletion} from '../controllers/replication.js'

export interface PodTarget {
  pod: Pod
  /** The object named on the command line, when it was not a pod (port-forward maps a Service's ports). */
  owner?: {kind: string; object: KubeObject}
}

function selectorOf(kind: string, object: KubeObject): Selector {
  const spec = (object as {spec?: {selector?: unknown}}).spec ?? {}
  if (kind === 'Service') {
    const selector = (spec.selector as Record<string, string> | undefined) ?? {}
    if (Object.keys(selector).length === 0) {
      throw new CliError(`cannot attach to *v1.Service: invalid service '${object.metadata.name}': Service is defined without a selector`)
    }
    return selectorFromSet(selector)
  }
  if (kind === 'ReplicationController') return selectorFromSet(spec.selector as Record<string, string>)
  return labelSelectorAsSelector(spec.selector as Parameters<typeof labelSelectorAsSelector>[0])
}

/** Returns the pod for `TYPE/NAME` or `NAME` in `namespace`, or throws kubectl's error. */
export function attachablePod(cluster: Cluster, namespace: string, arg: string): PodTarget {
  const slash = arg.indexOf('/')
  const typeText = slash === -1 ? 'pods' : arg.slice(0, slash)
  const name = slash === -1 ? arg : arg.slice(slash + 1)
  const info = resolveResource(typeText)
  if (!info) throw new CliError(`the server doesn't have a resource type "${typeText}"`)
  const object = cluster.store.get(info, namespace, name)
  if (info.kind === 'Pod') return {pod: object as Pod}
  if (!['Service', 'ReplicationController', 'ReplicaSet', 'Deployment'].includes(info.kind)) {
    throw new CliError(`cannot attach to ${info.kind}/${name}: kbe attaches to pods, services, replication controllers, replica sets and deployments`)
  }
  const selector = selectorOf(info.kind, object)
  const pods = cluster.store.list<Pod>('pods', namespace).filter((p) => selector.matches(p.metadata.labels))
  if (pods.length === 0) throw new CliError('timed out waiting for the condition')
  const first = [...pods].sort(compareForDeletion).at(-1) as Pod
  return {pod: first, owner: {kind: info.kind, object: object as Service}}
}
