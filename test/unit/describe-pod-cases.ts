// Pods for the describe golden cases: the tutorial's running RC pod, an unschedulable pod, one still in
// ContainerCreating, one terminating, and a "rich" pod exercising env sources, ports, resources, probes,
// command/args, init and sidecar containers, volume kinds, node selectors, tolerations and readiness gates.
import type {Event, KubeObject, Pod} from '../../src/api/types.js'
import {CONTAINER_ID, IMAGE, IMAGE_ID, controllerRef, makeEvent, makePod, makeRC, siseContainer, startupEvents, ts} from './describe-fixtures.js'

/** Returns the case pods and every object (pods and their events) the oracle needs. */
export function makePodCases(now: Date): {pods: Pod[]; objects: KubeObject[]} {
  const rc = makeRC(now, 127)
  const running = makePod(now, 'rcsise-h7xqz', 127, (p) => (p.metadata.ownerReferences = [controllerRef(rc)]))
  const unscheduled = makePod(now, 'sise-unscheduled', 300, (p) => {
    delete p.spec.nodeName
    p.spec.nodeSelector = {disktype: 'ssd'}
    p.status = {phase: 'Pending', qosClass: 'BestEffort', conditions: [{type: 'PodScheduled', status: 'False', lastProbeTime: null,
      lastTransitionTime: ts(now, 300), reason: 'Unschedulable', message: '0/1 nodes are available: 1 node(s) didn\'t match Pod\'s node affinity/selector.'}]}
  })
  const creating = makePod(now, 'sise-creating', 3, (p) => {
    delete p.spec.volumes
    p.spec.containers = [siseContainer({volumeMounts: undefined})]
    p.status = {phase: 'Pending', qosClass: 'BestEffort', hostIP: '192.168.49.2', hostIPs: [{ip: '192.168.49.2'}], startTime: ts(now, 3),
      conditions: [
        {type: 'PodReadyToStartContainers', status: 'False', lastProbeTime: null, lastTransitionTime: ts(now, 3)},
        {type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: ts(now, 3)},
        {type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: ts(now, 3), reason: 'ContainersNotReady', message: 'containers with unready status: [sise]'},
        {type: 'ContainersReady', status: 'False', lastProbeTime: null, lastTransitionTime: ts(now, 3), reason: 'ContainersNotReady', message: 'containers with unready status: [sise]'},
        {type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: ts(now, 3)}],
      containerStatuses: [{name: 'sise', state: {waiting: {reason: 'ContainerCreating'}}, lastState: {}, ready: false, restartCount: 0,
        image: IMAGE, imageID: '', started: false}]}
  })
  const terminating = makePod(now, 'sise-terminating', 4000, (p) => {
    p.metadata.deletionTimestamp = ts(now, -25)
    p.metadata.deletionGracePeriodSeconds = 30
    p.status!.podIP = '10.244.0.9'
    p.status!.podIPs = [{ip: '10.244.0.9'}]
  })
  const rich = makeRichPod(now)
  const events: Event[] = [
    ...startupEvents(now, running, 127),
    makeEvent(now, unscheduled, 'FailedScheduling', '0/1 nodes are available: 1 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
      'default-scheduler', 300, {type: 'Warning', count: 3, lastAgo: 40}),
    makeEvent(now, creating, 'Scheduled', 'Successfully assigned default/sise-creating to minikube', 'default-scheduler', 3),
    makeEvent(now, creating, 'Pulling', `Pulling image "${IMAGE}"`, 'kubelet', 2, {fieldPath: 'spec.containers{sise}', host: 'minikube'}),
    makeEvent(now, terminating, 'Killing', 'Stopping container sise', 'kubelet', 5, {fieldPath: 'spec.containers{sise}', host: 'minikube'}),
  ]
  const pods = [running, unscheduled, creating, terminating, rich]
  return {pods, objects: [...pods, ...events]}
}

function makeRichPod(now: Date): Pod {
  const rs = {apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: {name: 'webapp-5d59d67564', uid: 'uid-rs-webapp'}}
  return makePod(now, 'webapp-5d59d67564-lqx8b', 5400, (p) => {
    p.metadata.labels = {app: 'webapp', 'pod-template-hash': '5d59d67564', tier: 'frontend'}
    p.metadata.annotations = {
      'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1"}\n',
      'example.com/note': 'first line\nsecond line\n',
      'example.com/long': 'x'.repeat(150),
      'prometheus.io/scrape': 'true',
    }
    p.metadata.ownerReferences = [controllerRef(rs)]
    p.spec.priority = 1000
    p.spec.priorityClassName = 'high'
    p.spec.nodeSelector = {disktype: 'ssd', 'kubernetes.io/os': 'linux'}
    p.spec.tolerations!.push({operator: 'Exists'}, {key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule'})
    p.spec.readinessGates = [{conditionType: 'example.com/feature-1'}]
    p.spec.initContainers = [{name: 'init-db', image: 'busybox:1.36', command: ['sh', '-c', 'until nslookup db; do sleep 2; done'],
      resources: {requests: {cpu: '1'}}}]
    p.spec.containers = [webContainer(), sidecarContainer()]
    p.spec.volumes!.push(
      {name: 'cache', emptyDir: {}},
      {name: 'config', configMap: {name: 'webapp-config', defaultMode: 420}},
      {name: 'certs', secret: {secretName: 'webapp-tls', defaultMode: 420}},
      {name: 'logs', hostPath: {path: '/var/log/webapp', type: 'DirectoryOrCreate'}},
      {name: 'data', persistentVolumeClaim: {claimName: 'webapp-data'}},
      {name: 'podinfo', downwardAPI: {items: [{path: 'labels', fieldRef: {apiVersion: 'v1', fieldPath: 'metadata.labels'}},
        {path: 'cpu_limit', resourceFieldRef: {containerName: 'web', resource: 'limits.cpu', divisor: '1m'}}]}},
    )
    p.status = {...p.status!, qosClass: undefined, podIP: '10.244.0.7', podIPs: [{ip: '10.244.0.7'}],
      initContainerStatuses: [{name: 'init-db', state: {terminated: {exitCode: 0, reason: 'Completed', startedAt: ts(now, 5398), finishedAt: ts(now, 5390),
        containerID: 'containerd://1111'}}, lastState: {}, ready: true, restartCount: 0, image: 'docker.io/library/busybox:1.36', imageID: 'docker.io/library/busybox@sha256:abcd', containerID: 'containerd://1111', started: false}],
      containerStatuses: [
        {name: 'sidecar', state: {running: {startedAt: ts(now, 600)}}, lastState: {terminated: {exitCode: 137, signal: 9, reason: 'OOMKilled', message: 'killed',
          startedAt: ts(now, 5380), finishedAt: ts(now, 601)}}, ready: true, restartCount: 2, image: 'docker.io/library/busybox:1.36', imageID: 'docker.io/library/busybox@sha256:abcd', containerID: 'containerd://2222', started: true},
        {name: 'web', state: {running: {startedAt: ts(now, 5385)}}, lastState: {}, ready: true, restartCount: 0, image: IMAGE, imageID: IMAGE_ID, containerID: CONTAINER_ID, started: true}]}
    delete p.status.qosClass
  })
}

function webContainer() {
  return siseContainer({name: 'web',
    command: ['python', '-m', 'simpleservice'], args: ['--port', '9876', '--banner', 'hello\nworld'],
    ports: [{name: 'http', containerPort: 9876, protocol: 'TCP'}, {containerPort: 443, hostPort: 8443, protocol: 'TCP'}],
    resources: {limits: {cpu: '0.5', memory: '128Mi'}, requests: {cpu: '250m', memory: '64Mi'}},
    livenessProbe: {httpGet: {path: '/health', port: 9876, scheme: 'HTTP'}, initialDelaySeconds: 2, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3},
    readinessProbe: {tcpSocket: {port: 'http'}, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3},
    startupProbe: {exec: {command: ['cat', '/tmp/healthy']}, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 30},
    env: [
      {name: 'SIMPLE_SERVICE_VERSION', value: '0.9'},
      {name: 'GREETING', value: 'hello\nworld'},
      {name: 'POD_NAME', valueFrom: {fieldRef: {apiVersion: 'v1', fieldPath: 'metadata.name'}}},
      {name: 'POD_IP', valueFrom: {fieldRef: {apiVersion: 'v1', fieldPath: 'status.podIP'}}},
      {name: 'MEM_LIMIT', valueFrom: {resourceFieldRef: {containerName: 'web', resource: 'limits.memory', divisor: '1Mi'}}},
      {name: 'CPU_REQUEST', valueFrom: {resourceFieldRef: {containerName: 'web', resource: 'requests.cpu', divisor: '1m'}}},
      {name: 'DB_PASSWORD', valueFrom: {secretKeyRef: {name: 'db', key: 'password'}}},
      {name: 'LOG_LEVEL', valueFrom: {configMapKeyRef: {name: 'webapp-config', key: 'level', optional: true}}},
    ],
    volumeMounts: [
      {name: 'kube-api-access-x7k2p', readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount'},
      {name: 'config', mountPath: '/etc/webapp', readOnly: true},
      {name: 'cache', mountPath: '/cache'},
      {name: 'data', mountPath: '/data', subPath: 'web'},
    ]})
}

function sidecarContainer() {
  return siseContainer({name: 'sidecar', image: 'busybox:1.36', ports: undefined, args: ['sh', '-c', 'tail -F /logs/access.log'],
    resources: {requests: {cpu: '100m', memory: '32Mi'}, limits: {'ephemeral-storage': '1Gi'}},
    volumeMounts: [{name: 'logs', mountPath: '/logs'}]})
}
