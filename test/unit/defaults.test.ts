import assert from 'node:assert/strict'
import {applyDefaults, canonicalQuantity, defaultPullPolicy, serviceAccountVolume, withServiceAccountVolume} from '../../src/api/defaults/index.js'

type Any = any

// The container and spec defaults a v1.32 apiserver stores (shape taken from the oracle's seed.py).
const STORED_CONTAINER = {
  name: 'sise', image: 'mhausenblas/simpleservice:0.5.0', ports: [{containerPort: 9876, protocol: 'TCP'}], resources: {},
  terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent',
}
const TEMPLATE_SPEC = {containers: [STORED_CONTAINER], restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', securityContext: {}, schedulerName: 'default-scheduler'}
const INPUT_CONTAINER = {name: 'sise', image: 'mhausenblas/simpleservice:0.5.0', ports: [{containerPort: 9876}]}

describe('applyDefaults: Pod', () => {
  it('fills what the apiserver and its admission plugins fill', () => {
    const got = applyDefaults({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'sise', namespace: 'default'}, spec: {containers: [INPUT_CONTAINER]}} as Any)
    assert.deepEqual(got, {
      apiVersion: 'v1', kind: 'Pod', metadata: {name: 'sise', namespace: 'default'},
      spec: {
        ...TEMPLATE_SPEC, serviceAccountName: 'default', serviceAccount: 'default',
        tolerations: [
          {key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
          {key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
        ],
        priority: 0, enableServiceLinks: true, preemptionPolicy: 'PreemptLowerPriority',
      },
      status: {phase: 'Pending', qosClass: 'BestEffort'},
    })
    // Same key order as the apiserver's serialization (seed.py order).
    assert.deepEqual(Object.keys(got.spec), ['containers', 'restartPolicy', 'terminationGracePeriodSeconds', 'dnsPolicy', 'serviceAccountName', 'serviceAccount', 'securityContext', 'schedulerName', 'tolerations', 'priority', 'enableServiceLinks', 'preemptionPolicy'])
  })

  it('does not change its input', () => {
    const input: Any = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'x'}, spec: {containers: [{name: 'c', image: 'i'}]}}
    applyDefaults(input)
    assert.deepEqual(input, {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'x'}, spec: {containers: [{name: 'c', image: 'i'}]}})
  })

  const podWith = (container: Any, spec: Any = {}): Any => applyDefaults({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p'}, spec: {containers: [{name: 'c', image: 'nginx', ...container}], ...spec}} as Any)
  const cases: {name: string; got: () => unknown; want: unknown}[] = [
    {
      name: 'probe timings and http scheme',
      got: () => podWith({livenessProbe: {httpGet: {port: 80}}}).spec.containers[0].livenessProbe,
      want: {httpGet: {path: '/', port: 80, scheme: 'HTTP'}, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3},
    },
    {name: 'requests default to limits', got: () => podWith({resources: {limits: {cpu: '500m', memory: '64Mi'}}}).spec.containers[0].resources, want: {limits: {cpu: '500m', memory: '64Mi'}, requests: {cpu: '500m', memory: '64Mi'}}},
    {name: 'guaranteed QoS', got: () => podWith({resources: {limits: {cpu: '500m', memory: '64Mi'}}}).status.qosClass, want: 'Guaranteed'},
    {name: 'burstable QoS', got: () => podWith({resources: {requests: {cpu: '100m'}}}).status.qosClass, want: 'Burstable'},
    {name: 'fieldRef apiVersion', got: () => podWith({env: [{name: 'N', valueFrom: {fieldRef: {fieldPath: 'metadata.name'}}}]}).spec.containers[0].env, want: [{name: 'N', valueFrom: {fieldRef: {apiVersion: 'v1', fieldPath: 'metadata.name'}}}]},
    {name: 'volume without source becomes emptyDir', got: () => podWith({}, {volumes: [{name: 'v'}]}).spec.volumes, want: [{name: 'v', emptyDir: {}}]},
    {name: 'secret volume mode', got: () => podWith({}, {volumes: [{name: 'v', secret: {secretName: 's'}}]}).spec.volumes, want: [{name: 'v', secret: {secretName: 's', defaultMode: 420}}]},
    {name: 'hostPath type', got: () => podWith({}, {volumes: [{name: 'v', hostPath: {path: '/x'}}]}).spec.volumes, want: [{name: 'v', hostPath: {path: '/x', type: ''}}]},
    {name: 'service account from the deprecated field', got: () => podWith({}, {serviceAccount: 'robot'}).spec.serviceAccountName, want: 'robot'},
    {name: 'existing toleration kept', got: () => podWith({}, {tolerations: [{operator: 'Exists'}]}).spec.tolerations, want: [{operator: 'Exists'}]},
    {name: 'hostNetwork ports', got: () => podWith({ports: [{containerPort: 80}]}, {hostNetwork: true}).spec.containers[0].ports, want: [{hostPort: 80, containerPort: 80, protocol: 'TCP'}]},
    {name: 'numeric quantity becomes canonical text', got: () => podWith({resources: {limits: {cpu: 0.5}}}).spec.containers[0].resources.limits, want: {cpu: '500m'}},
  ]
  for (const c of cases) it(c.name, () => assert.deepEqual(c.got(), c.want))
})

describe('defaultPullPolicy', () => {
  const cases: {given: string; want: string}[] = [
    {given: 'nginx', want: 'Always'},
    {given: 'nginx:latest', want: 'Always'},
    {given: 'nginx:1.27', want: 'IfNotPresent'},
    {given: 'quay.io/openshiftlabs/simpleservice:0.5.0', want: 'IfNotPresent'},
    {given: 'localhost:5000/app', want: 'Always'},
    {given: 'nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31', want: 'IfNotPresent'},
    {given: 'Nginx', want: 'IfNotPresent'},
  ]
  for (const c of cases) it(c.given, () => assert.equal(defaultPullPolicy(c.given), c.want))
})

describe('applyDefaults: Service, controllers, Namespace', () => {
  it('service like the oracle seed (before IP allocation)', () => {
    const got = applyDefaults({apiVersion: 'v1', kind: 'Service', metadata: {name: 'simpleservice'}, spec: {ports: [{port: 80, targetPort: 9876}], selector: {app: 'sise'}}} as Any)
    assert.deepEqual(got.spec, {ports: [{protocol: 'TCP', port: 80, targetPort: 9876}], selector: {app: 'sise'}, type: 'ClusterIP', sessionAffinity: 'None', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster'})
    assert.deepEqual(got.status, {loadBalancer: {}})
  })
  const svc = (spec: Any): Any => applyDefaults({apiVersion: 'v1', kind: 'Service', metadata: {name: 's'}, spec} as Any).spec
  const cases: {name: string; got: () => unknown; want: unknown}[] = [
    {name: 'targetPort defaults to port', got: () => svc({ports: [{port: 8080}]}).ports, want: [{protocol: 'TCP', port: 8080, targetPort: 8080}]},
    {name: 'NodePort traffic policy', got: () => svc({type: 'NodePort', ports: [{port: 80}]}).externalTrafficPolicy, want: 'Cluster'},
    {name: 'LoadBalancer node ports', got: () => svc({type: 'LoadBalancer', ports: [{port: 80}]}).allocateLoadBalancerNodePorts, want: true},
    {name: 'ClientIP affinity timeout', got: () => svc({sessionAffinity: 'ClientIP', ports: [{port: 80}]}).sessionAffinityConfig, want: {clientIP: {timeoutSeconds: 10800}}},
    {name: 'clusterIPs mirror clusterIP', got: () => svc({clusterIP: 'None', selector: {a: 'b'}}).clusterIPs, want: ['None']},
    {name: 'headless with selector is SingleStack', got: () => svc({clusterIP: 'None', selector: {a: 'b'}}).ipFamilyPolicy, want: 'SingleStack'},
    {name: 'headless without selector is RequireDualStack', got: () => svc({clusterIP: 'None'}).ipFamilyPolicy, want: 'RequireDualStack'},
    {name: 'ExternalName has no families', got: () => svc({type: 'ExternalName', externalName: 'example.com'}).ipFamilies, want: undefined},
  ]
  for (const c of cases) it(c.name, () => assert.deepEqual(c.got(), c.want))

  it('replication controller like the oracle seed', () => {
    const got = applyDefaults({apiVersion: 'v1', kind: 'ReplicationController', metadata: {name: 'rcsise', namespace: 'default'}, spec: {template: {metadata: {name: 'somename', labels: {app: 'sise'}}, spec: {containers: [INPUT_CONTAINER]}}}} as Any)
    assert.deepEqual(got, {
      apiVersion: 'v1', kind: 'ReplicationController', metadata: {name: 'rcsise', namespace: 'default', generation: 1, labels: {app: 'sise'}},
      spec: {replicas: 1, selector: {app: 'sise'}, template: {metadata: {name: 'somename', labels: {app: 'sise'}}, spec: TEMPLATE_SPEC}},
      status: {replicas: 0},
    })
  })

  it('deployment strategy and history', () => {
    const got: Any = applyDefaults({apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'd'}, spec: {selector: {matchLabels: {app: 'sise'}}, template: {metadata: {labels: {app: 'sise'}}, spec: {containers: [INPUT_CONTAINER]}}}} as Any)
    assert.deepEqual(got.spec, {
      replicas: 1, selector: {matchLabels: {app: 'sise'}}, template: {metadata: {labels: {app: 'sise'}}, spec: TEMPLATE_SPEC},
      strategy: {type: 'RollingUpdate', rollingUpdate: {maxUnavailable: '25%', maxSurge: '25%'}}, revisionHistoryLimit: 10, progressDeadlineSeconds: 600,
    })
    assert.deepEqual([got.metadata.generation, got.status], [1, {}])
  })

  it('namespace label, finalizer and phase', () => {
    const got: Any = applyDefaults({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'test'}} as Any)
    assert.deepEqual(got, {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'test', labels: {'kubernetes.io/metadata.name': 'test'}}, spec: {finalizers: ['kubernetes']}, status: {phase: 'Active'}})
  })
})

describe('service account volume', () => {
  it('matches the apiserver-injected volume and mount', () => {
    assert.deepEqual(serviceAccountVolume('x7k2p'), {
      volume: {name: 'kube-api-access-x7k2p', projected: {sources: [
        {serviceAccountToken: {expirationSeconds: 3607, path: 'token'}},
        {configMap: {name: 'kube-root-ca.crt', items: [{key: 'ca.crt', path: 'ca.crt'}]}},
        {downwardAPI: {items: [{path: 'namespace', fieldRef: {apiVersion: 'v1', fieldPath: 'metadata.namespace'}}]}},
      ], defaultMode: 420}},
      mount: {name: 'kube-api-access-x7k2p', readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount'},
    })
  })
  it('adds the volume and a mount per container', () => {
    const spec = withServiceAccountVolume({containers: [{name: 'a'}, {name: 'b', volumeMounts: [{name: 'v', mountPath: '/v'}]}], volumes: [{name: 'v', emptyDir: {}}]}, 'abcde') as Any
    assert.deepEqual(spec.volumes.map((v: Any) => v.name), ['v', 'kube-api-access-abcde'])
    assert.deepEqual(spec.containers.map((c: Any) => c.volumeMounts.map((m: Any) => m.mountPath)), [['/var/run/secrets/kubernetes.io/serviceaccount'], ['/v', '/var/run/secrets/kubernetes.io/serviceaccount']])
  })
  it('respects automountServiceAccountToken: false', () => {
    const spec = {automountServiceAccountToken: false, containers: [{name: 'a'}]}
    assert.equal(withServiceAccountVolume(spec, 'abcde'), spec)
  })
})

describe('canonicalQuantity', () => {
  const cases: {given: string | number; want: string}[] = [
    {given: '500m', want: '500m'}, {given: 0.5, want: '500m'}, {given: '1000m', want: '1'}, {given: 2, want: '2'},
    {given: '2000', want: '2k'}, {given: '1500', want: '1500'}, {given: '64Mi', want: '64Mi'}, {given: '1024Mi', want: '1Gi'},
    {given: '1.5Gi', want: '1536Mi'}, {given: '0.5Ki', want: '512'}, {given: '5n', want: '1m'}, {given: '1e3', want: '1e3'},
  ]
  for (const c of cases) it(`${c.given} → ${c.want}`, () => assert.equal(canonicalQuantity(c.given), c.want))
})
