// Deployment and ReplicaSet describe cases: the tutorial's `sise-deploy` after a rollout from image 0.4.0 to
// 0.5.0, its new ReplicaSet with two running pods, the scaled-down old ReplicaSet, and their events.
import type {KubeObject, Pod, PodTemplateSpec} from '../../src/api/types.js'
import {describeDeployment, type Deployment} from '../../src/printers/describe/deployment.js'
import {describeReplicaSet, type ReplicaSet} from '../../src/printers/describe/replica-set.js'
import type {DescribeContext} from '../../src/printers/describe/writer.js'
import {controllerRef, IMAGE, makeEvent, makePod, ts} from './describe-fixtures.js'

const NEW_HASH = '5d59d67564'
const OLD_HASH = '6b8f9c7d44'

function template(image: string, hash?: string): PodTemplateSpec {
  return {metadata: {labels: {app: 'sise', ...(hash ? {'pod-template-hash': hash} : {})}}, spec: {containers: [{name: 'sise', image,
    ports: [{containerPort: 9876, protocol: 'TCP'}], env: [{name: 'SIMPLE_SERVICE_VERSION', value: '0.9'}], resources: {},
    terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent'}],
  restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', securityContext: {}, schedulerName: 'default-scheduler'}}
}

/** Returns the Deployment/ReplicaSet cases and the objects (with pods and events) the oracle needs. */
export function makeAppsCases(now: Date) {
  const deploy: Deployment = {apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: {name: 'sise-deploy', namespace: 'default', uid: 'uid-deploy-sise', resourceVersion: '1', generation: 2, creationTimestamp: ts(now, 308),
      annotations: {'deployment.kubernetes.io/revision': '2'}},
    spec: {replicas: 2, selector: {matchLabels: {app: 'sise'}}, template: template(IMAGE),
      strategy: {type: 'RollingUpdate', rollingUpdate: {maxUnavailable: '25%', maxSurge: '25%'}}, revisionHistoryLimit: 10, progressDeadlineSeconds: 600},
    status: {observedGeneration: 2, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2,
      conditions: [
        {type: 'Available', status: 'True', lastUpdateTime: ts(now, 290), lastTransitionTime: ts(now, 290), reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.'},
        {type: 'Progressing', status: 'True', lastUpdateTime: ts(now, 100), lastTransitionTime: ts(now, 308), reason: 'NewReplicaSetAvailable', message: `ReplicaSet "sise-deploy-${NEW_HASH}" has successfully progressed.`}]}}
  const replicaSet = (hash: string, image: string, replicas: number, ago: number, revision: string): ReplicaSet => ({apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {name: `sise-deploy-${hash}`, namespace: 'default', uid: `uid-rs-${hash}`, resourceVersion: '1', generation: 1, creationTimestamp: ts(now, ago),
      labels: {app: 'sise', 'pod-template-hash': hash}, ownerReferences: [controllerRef(deploy)],
      annotations: {'deployment.kubernetes.io/desired-replicas': '2', 'deployment.kubernetes.io/max-replicas': '3', 'deployment.kubernetes.io/revision': revision}},
    spec: {replicas, selector: {matchLabels: {app: 'sise', 'pod-template-hash': hash}}, template: template(image, hash)},
    status: {replicas, fullyLabeledReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 1}})
  const oldRS = replicaSet(OLD_HASH, 'mhausenblas/simpleservice:0.4.0', 0, 308, '1')
  const newRS = replicaSet(NEW_HASH, IMAGE, 2, 130, '2')
  const pods: Pod[] = ['7wl4m', 'lqx9c'].map((suffix, i) => makePod(now, `sise-deploy-${NEW_HASH}-${suffix}`, 125 - i * 10, (p) => {
    p.metadata.labels = {app: 'sise', 'pod-template-hash': NEW_HASH}
    p.metadata.ownerReferences = [controllerRef(newRS)]
    p.status!.podIP = p.status!.podIPs![0].ip = `10.244.0.${11 + i}`
  }))
  const events = [
    makeEvent(now, deploy, 'ScalingReplicaSet', `Scaled up replica set sise-deploy-${OLD_HASH} to 2`, 'deployment-controller', 308),
    makeEvent(now, deploy, 'ScalingReplicaSet', `Scaled up replica set sise-deploy-${NEW_HASH} to 1`, 'deployment-controller', 130),
    makeEvent(now, deploy, 'ScalingReplicaSet', `Scaled down replica set sise-deploy-${OLD_HASH} to 1 from 2`, 'deployment-controller', 120),
    makeEvent(now, deploy, 'ScalingReplicaSet', `Scaled up replica set sise-deploy-${NEW_HASH} to 2 from 1`, 'deployment-controller', 120),
    makeEvent(now, deploy, 'ScalingReplicaSet', `Scaled down replica set sise-deploy-${OLD_HASH} to 0 from 1`, 'deployment-controller', 110),
    makeEvent(now, newRS, 'SuccessfulCreate', `Created pod: ${pods[0].metadata.name}`, 'replicaset-controller', 125),
    makeEvent(now, newRS, 'SuccessfulCreate', `Created pod: ${pods[1].metadata.name}`, 'replicaset-controller', 115),
  ]
  const eventsFor = (o: KubeObject) => events.filter((e) => e.involvedObject.uid === o.metadata.uid)
  const cases = [
    {name: 'deploy-sise-deploy', args: ['deploy', 'sise-deploy'],
      render: (ctx: DescribeContext) => describeDeployment(deploy, {newReplicaSet: newRS, oldReplicaSets: [oldRS], events: eventsFor(deploy)}, ctx)},
    {name: `rs-sise-deploy-${NEW_HASH}`, args: ['rs', newRS.metadata.name!],
      render: (ctx: DescribeContext) => describeReplicaSet(newRS, {pods, events: eventsFor(newRS)}, ctx)},
    {name: `rs-sise-deploy-${OLD_HASH}`, args: ['rs', oldRS.metadata.name!],
      render: (ctx: DescribeContext) => describeReplicaSet(oldRS, {pods: [], events: eventsFor(oldRS)}, ctx)},
  ]
  return {cases, objects: [deploy, oldRS, newRS, ...pods, ...events] as KubeObject[]}
}
