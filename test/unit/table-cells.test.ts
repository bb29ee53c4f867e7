// Cell functions of the per-kind column declarations (printers.go semantics), tested apart from
// layout. Each case names an object and the cells it must produce, looked up by column header.
import assert from 'node:assert/strict'
import type {Endpoints, Event, KubeObject, Node, Pod, Service} from '../../src/api/types.js'
import {columnsForKind, COLUMNS_BY_KIND} from '../../src/printers/table/registry.js'
import {at, DAY, lifecyclePods, makeEndpoints, makeEvent, makeNode, makePod, makeService, runningStatus, seed, ts} from './table-fixtures.js'

/** Returns the named cells of an object, computed at `now`. */
function cells(kind: string, obj: KubeObject, now: Date, headers: string[]): Record<string, string> {
  const columns = columnsForKind(kind)
  return Object.fromEntries(headers.map((h) => {
    const column = columns.find((c) => c.header === h)
    assert.ok(column, `${kind} has no column ${h}`)
    return [h, column.cell(obj, {now})]
  }))
}

interface CellCase {
  name: string
  kind: string
  given: KubeObject
  now?: Date
  want: Record<string, string>
}

function runCases(cases: CellCase[]): void {
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(cells(c.kind, c.given, c.now ?? at(0), Object.keys(c.want)), c.want))
  }
}

const sidecarPod: Pod = makePod('sidecar', 60, {
  spec: {initContainers: [{name: 'init', image: 'busybox'}, {name: 'proxy', image: 'envoy', restartPolicy: 'Always'} as Pod['spec']['containers'][0]]},
  status: {
    phase: 'Running', conditions: [{type: 'Initialized', status: 'True'}, {type: 'Ready', status: 'True'}],
    initContainerStatuses: [
      {...runningStatus('init', 0), state: {terminated: {exitCode: 0, reason: 'Completed'}}, ready: false},
      runningStatus('proxy', 50, {restartCount: 1, lastState: {terminated: {exitCode: 1, finishedAt: ts(55)}}}),
    ],
    containerStatuses: [runningStatus('sise', 40)],
  },
})

describe('pod cells', () => {
  runCases([
    {name: 'Pending, unscheduled', kind: 'Pod', given: lifecyclePods.pending, want: {Ready: '0/1', Status: 'Pending', Restarts: '0', IP: '<none>', Node: '<none>'}},
    {name: 'ContainerCreating', kind: 'Pod', given: lifecyclePods.creating, want: {Ready: '0/1', Status: 'ContainerCreating', Restarts: '0', Node: 'minikube'}},
    {name: 'Running', kind: 'Pod', given: lifecyclePods.running, want: {Ready: '1/1', Status: 'Running', Restarts: '0', Age: '50s', IP: '10.244.0.9'}},
    {name: 'Terminating while ready', kind: 'Pod', given: lifecyclePods.terminatingReady, want: {Ready: '1/1', Status: 'Terminating'}},
    {name: 'Terminating after the container stopped', kind: 'Pod', given: lifecyclePods.terminatingStopped, want: {Ready: '0/1', Status: 'Terminating'}},
    {name: 'CrashLoopBackOff with last restart 42s ago', kind: 'Pod', given: lifecyclePods.crashLoop, want: {Ready: '0/1', Status: 'CrashLoopBackOff', Restarts: '3 (42s ago)'}},
    {name: 'restart age follows now', kind: 'Pod', given: lifecyclePods.crashLoop, now: at(300), want: {Restarts: '3 (5m42s ago)'}},
    {name: 'Completed (Succeeded)', kind: 'Pod', given: lifecyclePods.completed, want: {Ready: '0/1', Status: 'Completed'}},
    {name: 'Error (Failed)', kind: 'Pod', given: lifecyclePods.failed, want: {Ready: '0/1', Status: 'Error'}},
    {name: 'Running with restarts', kind: 'Pod', given: lifecyclePods.restarted, want: {Ready: '1/1', Status: 'Running', Restarts: '4 (11s ago)'}},
    {name: 'Init:0/1 while the init container runs', kind: 'Pod', given: lifecyclePods.initRunning, want: {Ready: '0/1', Status: 'Init:0/1', Restarts: '0'}},
    {name: 'Init:CrashLoopBackOff counts init restarts', kind: 'Pod', given: lifecyclePods.initCrash, want: {Status: 'Init:CrashLoopBackOff', Restarts: '2 (30s ago)'}},
    {name: 'Init:ExitCode without a reason', kind: 'Pod', given: makePod('p', 10, {spec: {initContainers: [{name: 'i'}, {name: 'j'}]}, status: {phase: 'Pending', initContainerStatuses: [{...runningStatus('i', 0), state: {terminated: {exitCode: 0}}}, {...runningStatus('j', 0), state: {terminated: {exitCode: 3}}}]}}), want: {Status: 'Init:ExitCode:3'}},
    {name: 'Init:Signal', kind: 'Pod', given: makePod('p', 10, {spec: {initContainers: [{name: 'i'}]}, status: {phase: 'Pending', initContainerStatuses: [{...runningStatus('i', 0), state: {terminated: {exitCode: 137, signal: 9}}}]}}), want: {Status: 'Init:Signal:9'}},
    {name: 'Init:1/2 when the second one has not started', kind: 'Pod', given: makePod('p', 10, {spec: {initContainers: [{name: 'i'}, {name: 'j'}]}, status: {phase: 'Pending', initContainerStatuses: [{...runningStatus('i', 0), state: {terminated: {exitCode: 0}}}, {...runningStatus('j', 0), state: {waiting: {reason: 'PodInitializing'}}}]}}), want: {Status: 'Init:1/2'}},
    {name: 'sidecar counts in READY and RESTARTS', kind: 'Pod', given: sidecarPod, want: {Ready: '2/2', Status: 'Running', Restarts: '1 (55s ago)'}},
    {name: 'ExitCode when terminated without a reason', kind: 'Pod', given: makePod('p', 10, {status: {phase: 'Running', containerStatuses: [{...runningStatus('sise', 0), state: {terminated: {exitCode: 2}}, ready: false}]}}), want: {Status: 'ExitCode:2'}},
    {name: 'Signal when terminated by a signal', kind: 'Pod', given: makePod('p', 10, {status: {phase: 'Running', containerStatuses: [{...runningStatus('sise', 0), state: {terminated: {exitCode: 0, signal: 15}}, ready: false}]}}), want: {Status: 'Signal:15'}},
    {name: 'first container decides (statuses read last to first)', kind: 'Pod', given: makePod('p', 10, {spec: {containers: [{name: 'a'}, {name: 'b'}]}, status: {phase: 'Running', containerStatuses: [{...runningStatus('a', 0), state: {waiting: {reason: 'ErrImagePull'}}, ready: false}, {...runningStatus('b', 0), state: {waiting: {reason: 'ImagePullBackOff'}}, ready: false}]}}), want: {Ready: '0/2', Status: 'ErrImagePull'}},
    {name: 'Completed but another container runs: Running when Ready', kind: 'Pod', given: makePod('p', 10, {spec: {containers: [{name: 'a'}, {name: 'b'}]}, status: {phase: 'Running', conditions: [{type: 'Ready', status: 'True'}], containerStatuses: [{...runningStatus('a', 0), state: {terminated: {exitCode: 0, reason: 'Completed'}}, ready: false}, runningStatus('b', 5)]}}), want: {Ready: '1/2', Status: 'Running'}},
    {name: 'Completed but another container runs: NotReady otherwise', kind: 'Pod', given: makePod('p', 10, {spec: {containers: [{name: 'a'}, {name: 'b'}]}, status: {phase: 'Running', containerStatuses: [{...runningStatus('a', 0), state: {terminated: {exitCode: 0, reason: 'Completed'}}, ready: false}, runningStatus('b', 5)]}}), want: {Status: 'NotReady'}},
    {name: 'status.reason wins over phase', kind: 'Pod', given: makePod('p', 10, {status: {phase: 'Failed', reason: 'Evicted'}}), want: {Status: 'Evicted'}},
    {name: 'SchedulingGated', kind: 'Pod', given: makePod('p', 10, {status: {phase: 'Pending', conditions: [{type: 'PodScheduled', status: 'False', reason: 'SchedulingGated'}]}}), want: {Status: 'SchedulingGated'}},
    {name: 'deleted Succeeded pod keeps Completed', kind: 'Pod', given: {...lifecyclePods.completed, metadata: {...lifecyclePods.completed.metadata, deletionTimestamp: ts(1)}}, want: {Status: 'Completed'}},
    {name: 'deleted pod on a lost node is Unknown', kind: 'Pod', given: makePod('p', 10, {metadata: {deletionTimestamp: ts(1)}, status: {phase: 'Running', reason: 'NodeLost'}}), want: {Status: 'Unknown'}},
    {name: 'readiness gates', kind: 'Pod', given: makePod('p', 10, {spec: {readinessGates: [{conditionType: 'a'}, {conditionType: 'b'}]}, status: {phase: 'Running', conditions: [{type: 'a', status: 'True'}, {type: 'b', status: 'False'}]}}), want: {'Readiness Gates': '1/2'}},
    {name: 'nominated node', kind: 'Pod', given: makePod('p', 10, {status: {phase: 'Pending', nominatedNodeName: 'node-2'}}), want: {'Nominated Node': 'node-2'}},
    {name: 'no creationTimestamp', kind: 'Pod', given: {...lifecyclePods.running, metadata: {name: 'p'}}, want: {Age: '<unknown>'}},
  ])
})

const lb = (ingress: {ip?: string; hostname?: string}[], externalIPs?: string[]): Service =>
  makeService('lb', 10, {type: 'LoadBalancer', clusterIPs: ['10.96.0.9'], externalIPs, ports: [{port: 80, protocol: 'TCP', nodePort: 30000}]}, undefined, {loadBalancer: {ingress}})

describe('service cells', () => {
  runCases([
    {name: 'ClusterIP', kind: 'Service', given: seed.simpleservice, now: at(3), want: {Type: 'ClusterIP', 'Cluster-IP': '10.96.146.11', 'External-IP': '<none>', 'Port(s)': '80/TCP', Age: '63s', Selector: 'app=sise'}},
    {name: 'ClusterIP with externalIPs', kind: 'Service', given: makeService('x', 10, {clusterIPs: ['10.96.1.1'], externalIPs: ['1.2.3.4', '5.6.7.8']}), want: {'External-IP': '1.2.3.4,5.6.7.8', 'Port(s)': '<none>', Selector: '<none>'}},
    {name: 'NodePort', kind: 'Service', given: seed.npsvc, want: {Type: 'NodePort', 'External-IP': '<none>', 'Port(s)': '80:31234/TCP'}},
    {name: 'LoadBalancer pending', kind: 'Service', given: seed.lbsvc, want: {'External-IP': '<pending>', 'Port(s)': '80:30080/TCP,53:30053/UDP'}},
    {name: 'LoadBalancer ingress IPs and hostnames, de-duplicated, never clipped', kind: 'Service', given: lb([{ip: '203.0.113.10'}, {hostname: 'a-very-long-name.elb.amazonaws.com'}, {ip: '203.0.113.10'}]), want: {'External-IP': '203.0.113.10,a-very-long-name.elb.amazonaws.com'}},
    {name: 'LoadBalancer ingress plus externalIPs', kind: 'Service', given: lb([{ip: '203.0.113.10'}], ['198.51.100.1']), want: {'External-IP': '203.0.113.10,198.51.100.1'}},
    {name: 'LoadBalancer externalIPs only', kind: 'Service', given: lb([], ['198.51.100.1']), want: {'External-IP': '198.51.100.1'}},
    {name: 'ExternalName', kind: 'Service', given: makeService('x', 10, {type: 'ExternalName', externalName: 'example.com'}), want: {'Cluster-IP': '<none>', 'External-IP': 'example.com'}},
    {name: 'headless', kind: 'Service', given: makeService('x', 10, {clusterIP: 'None', clusterIPs: ['None']}), want: {'Cluster-IP': 'None'}},
  ])
})

const ep = (subsets: Endpoints['subsets']): Endpoints => makeEndpoints('e', 10, subsets)
const addrs = (...ips: string[]) => ips.map((ip) => ({ip}))

describe('endpoints cells', () => {
  runCases([
    {name: 'no subsets', kind: 'Endpoints', given: ep(undefined), want: {Endpoints: '<none>'}},
    {name: 'empty subsets list', kind: 'Endpoints', given: ep([]), want: {Endpoints: '<none>'}},
    {name: 'one address', kind: 'Endpoints', given: seed.epSimpleservice, want: {Endpoints: '10.244.0.5:9876'}},
    {name: 'three addresses', kind: 'Endpoints', given: ep([{addresses: addrs('10.0.0.1', '10.0.0.2', '10.0.0.3'), ports: [{port: 80}]}]), want: {Endpoints: '10.0.0.1:80,10.0.0.2:80,10.0.0.3:80'}},
    {name: 'more than three: + N more...', kind: 'Endpoints', given: ep([{addresses: addrs('10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5'), ports: [{port: 80}]}]), want: {Endpoints: '10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...'}},
    {name: 'ports multiply addresses', kind: 'Endpoints', given: ep([{addresses: addrs('10.0.0.1', '10.0.0.2'), ports: [{port: 80}, {port: 443}]}]), want: {Endpoints: '10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...'}},
    {name: 'several subsets', kind: 'Endpoints', given: ep([{addresses: addrs('10.0.0.1'), ports: [{port: 80}]}, {addresses: addrs('10.0.0.2'), ports: [{port: 81}]}]), want: {Endpoints: '10.0.0.1:80,10.0.0.2:81'}},
    {name: 'port-less subset prints bare IPs', kind: 'Endpoints', given: ep([{addresses: addrs('10.0.0.1', '10.0.0.2')}]), want: {Endpoints: '10.0.0.1,10.0.0.2'}},
    {name: 'IPv6 bracketed', kind: 'Endpoints', given: ep([{addresses: addrs('fd00::1'), ports: [{port: 80}]}]), want: {Endpoints: '[fd00::1]:80'}},
    {name: 'only not-ready addresses: empty cell', kind: 'Endpoints', given: ep([{notReadyAddresses: addrs('10.0.0.9'), ports: [{port: 80}]}]), want: {Endpoints: ''}},
  ])
})

describe('controller cells', () => {
  runCases([
    {name: 'replication controller', kind: 'ReplicationController', given: seed.rcsise, now: at(16), want: {Desired: '1', Current: '1', Ready: '1', Age: '2m21s', Containers: 'sise', Images: 'mhausenblas/simpleservice:0.5.0', Selector: 'app=sise'}},
    {name: 'replication controller without status', kind: 'ReplicationController', given: {...seed.rcsise, status: undefined} as KubeObject, want: {Current: '0', Ready: '0'}},
    {name: 'replica set selector sorted', kind: 'ReplicaSet', given: seed.replicaSet, want: {Desired: '2', Current: '2', Ready: '2', Selector: 'app=sise,pod-template-hash=5d59d67564'}},
    {name: 'replica set with an empty selector', kind: 'ReplicaSet', given: {...seed.replicaSet, spec: {...seed.replicaSet.spec, selector: {}}} as KubeObject, want: {Selector: '<none>'}},
    {name: 'deployment', kind: 'Deployment', given: seed.deployment, want: {Ready: '2/2', 'Up-to-date': '2', Available: '2', Selector: 'app=sise'}},
    {name: 'deployment scaling up', kind: 'Deployment', given: {...seed.deployment, spec: {...seed.deployment.spec, replicas: 3}, status: {readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2}} as KubeObject, want: {Ready: '2/3', 'Up-to-date': '3', Available: '2'}},
    {name: 'deployment with an empty selector prints nothing', kind: 'Deployment', given: {...seed.deployment, spec: {...seed.deployment.spec, selector: {}}} as KubeObject, want: {Selector: ''}},
    {name: 'deployment with an invalid selector', kind: 'Deployment', given: {...seed.deployment, spec: {...seed.deployment.spec, selector: {matchExpressions: [{key: 'a', operator: 'In', values: []}]}}} as KubeObject, want: {Selector: '<invalid>'}},
    {name: 'several containers', kind: 'Deployment', given: {...seed.deployment, spec: {...seed.deployment.spec, template: {spec: {containers: [{name: 'a', image: 'x:1'}, {name: 'b', image: 'y:2'}]}}}} as KubeObject, want: {Containers: 'a,b', Images: 'x:1,y:2'}},
  ])
})

describe('node, namespace and default cells', () => {
  const node = (options: Parameters<typeof makeNode>[2]): Node => makeNode('n', DAY, options)
  runCases([
    {name: 'ready control plane', kind: 'Node', given: seed.node, want: {Status: 'Ready', Roles: 'control-plane', Age: '3d', Version: 'v1.32.0', 'Internal-IP': '192.168.49.2', 'External-IP': '<none>', 'OS-Image': 'Ubuntu 22.04.4 LTS', 'Kernel-Version': '6.8.0-1015-gcp', 'Container-Runtime': 'docker://27.4.1'}},
    {name: 'NotReady', kind: 'Node', given: node({ready: 'False'}), want: {Status: 'NotReady'}},
    {name: 'Unknown status of Ready is NotReady', kind: 'Node', given: node({ready: 'Unknown'}), want: {Status: 'NotReady'}},
    {name: 'no Ready condition', kind: 'Node', given: node({ready: null}), want: {Status: 'Unknown'}},
    {name: 'cordoned', kind: 'Node', given: node({unschedulable: true}), want: {Status: 'Ready,SchedulingDisabled'}},
    {name: 'roles sorted and merged', kind: 'Node', given: node({labels: {'node-role.kubernetes.io/worker': '', 'kubernetes.io/role': 'edge', 'node-role.kubernetes.io/': 'x', 'node-role.kubernetes.io/edge': ''}}), want: {Roles: 'edge,worker'}},
    {name: 'no roles', kind: 'Node', given: node({labels: {'kubernetes.io/role': ''}}), want: {Roles: '<none>'}},
    {name: 'missing node info', kind: 'Node', given: {...seed.node, status: {conditions: []}} as KubeObject, want: {Version: '', 'OS-Image': '<unknown>', 'Internal-IP': '<none>'}},
    {name: 'namespace', kind: 'Namespace', given: seed.namespaces[0], want: {Name: 'default', Status: 'Active', Age: '3d'}},
    {name: 'default table', kind: 'ConfigMap', given: {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'c', creationTimestamp: '2025-02-28T08:09:10Z'}}, want: {Name: 'c', 'Created At': '2025-02-28T08:09:10Z'}},
    {name: 'default table normalises to RFC 3339 UTC seconds', kind: 'Lease', given: {apiVersion: 'v1', kind: 'Lease', metadata: {name: 'c', creationTimestamp: '2025-02-28T09:09:10.5+01:00'}}, want: {'Created At': '2025-02-28T08:09:10Z'}},
    {name: 'default table without a timestamp prints the zero time', kind: 'Lease', given: {apiVersion: 'v1', kind: 'Lease', metadata: {name: 'c'}}, want: {'Created At': '0001-01-01T00:00:00Z'}},
  ])
})

const event = (extra: Partial<Event> & Record<string, unknown>): Event => makeEvent('Pod', 'p', 1, 'R', 'm', 'kubelet', 30, extra)

describe('event cells', () => {
  runCases([
    {name: 'seen once', kind: 'Event', given: event({}), want: {'Last Seen': '30s', 'First Seen': '30s', Count: '1', Object: 'pod/p', Source: 'kubelet', Subobject: '', Name: 'p.17f0000000000001'}},
    {name: 'repeated', kind: 'Event', given: event({firstTimestamp: ts(600), count: 7}), want: {'Last Seen': '30s', 'First Seen': '10m', Count: '7'}},
    {name: 'count 0 prints 1', kind: 'Event', given: event({count: 0}), want: {Count: '1'}},
    {name: 'no lastTimestamp falls back to firstTimestamp', kind: 'Event', given: event({lastTimestamp: '', firstTimestamp: ts(90)}), want: {'Last Seen': '90s'}},
    {name: 'eventTime only (new API)', kind: 'Event', given: event({lastTimestamp: '', firstTimestamp: '', eventTime: '2025-03-01T11:59:00.123456Z', count: 0}), want: {'Last Seen': '59s', 'First Seen': '59s', Count: '1'}},
    {name: 'series', kind: 'Event', given: event({series: {count: 4, lastObservedTime: '2025-03-01T11:59:50.000000Z'}}), want: {'Last Seen': '10s', Count: '4'}},
    {name: 'no timestamps at all', kind: 'Event', given: event({lastTimestamp: '', firstTimestamp: '', eventTime: null}), want: {'Last Seen': '<unknown>', 'First Seen': '<unknown>'}},
    {name: 'source with host', kind: 'Event', given: event({source: {component: 'kubelet', host: 'minikube'}}), want: {Source: 'kubelet, minikube'}},
    {name: 'source from reporting fields', kind: 'Event', given: event({source: {}, reportingComponent: 'ctrl', reportingInstance: 'ctrl-1'}), want: {Source: 'ctrl, ctrl-1'}},
    {name: 'object without a name', kind: 'Event', given: event({involvedObject: {kind: 'Node', name: ''}}), want: {Object: 'node'}},
    {name: 'message trimmed', kind: 'Event', given: event({message: '  hello \n'}), want: {Message: 'hello'}},
    {name: 'warning with subobject', kind: 'Event', given: seed.events[1], want: {Type: 'Normal', Reason: 'Pulling', Subobject: 'spec.containers{sise}', Source: 'kubelet, minikube'}},
  ])
})

describe('column declarations', () => {
  const headers: {kind: string; want: string[]}[] = [
    {kind: 'Pod', want: ['Name', 'Ready', 'Status', 'Restarts', 'Age', '[IP]', '[Node]', '[Nominated Node]', '[Readiness Gates]']},
    {kind: 'Service', want: ['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age', '[Selector]']},
    {kind: 'ReplicationController', want: ['Name', 'Desired', 'Current', 'Ready', 'Age', '[Containers]', '[Images]', '[Selector]']},
    {kind: 'ReplicaSet', want: ['Name', 'Desired', 'Current', 'Ready', 'Age', '[Containers]', '[Images]', '[Selector]']},
    {kind: 'Deployment', want: ['Name', 'Ready', 'Up-to-date', 'Available', 'Age', '[Containers]', '[Images]', '[Selector]']},
    {kind: 'Endpoints', want: ['Name', 'Endpoints', 'Age']},
    {kind: 'Namespace', want: ['Name', 'Status', 'Age']},
    {kind: 'Node', want: ['Name', 'Status', 'Roles', 'Age', 'Version', '[Internal-IP]', '[External-IP]', '[OS-Image]', '[Kernel-Version]', '[Container-Runtime]']},
    {kind: 'Event', want: ['Last Seen', 'Type', 'Reason', 'Object', '[Subobject]', '[Source]', 'Message', '[First Seen]', '[Count]', '[Name]']},
    {kind: 'ConfigMap', want: ['Name', 'Created At']},
  ]
  for (const c of headers) {
    it(`${c.kind} (wide-only in brackets)`, () => {
      assert.deepEqual(columnsForKind(c.kind).map((col) => (col.wideOnly ? `[${col.header}]` : col.header)), c.want)
    })
  }
  it('every printer has exactly one name column', () => {
    for (const [kind, columns] of Object.entries(COLUMNS_BY_KIND)) assert.equal(columns.filter((c) => c.isName).length, 1, kind)
  })
})
