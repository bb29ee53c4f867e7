import assert from 'node:assert/strict'
import {StatusError} from '../../src/api/errors.js'
import type {KubeObject} from '../../src/api/types.js'
import {applyDefaults} from '../../src/api/defaults/index.js'
import {throwIfInvalid, validateObject} from '../../src/api/validation/index.js'

type Any = any

/** Returns a defaulted valid pod after `fn` changed the manifest. */
function makePod(fn: (p: Any) => void = () => {}): KubeObject {
  const p: Any = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p', namespace: 'default'}, spec: {containers: [{name: 'c', image: 'nginx:1.27'}]}}
  fn(p)
  return applyDefaults(p)
}

function lines(obj: KubeObject): string[] {
  return validateObject(obj).map((c) => `${c.field}: ${c.message}`)
}

const SUBDOMAIN = `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`
const LABEL = `a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`
const NAME_PART = `name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`
const LABEL_VALUE = `a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`

describe('validateObject: Pod', () => {
  const cases: {name: string; given: (p: Any) => void; want: string[]}[] = [
    {name: 'valid pod', given: () => {}, want: []},
    {name: 'name required', given: (p) => delete p.metadata.name, want: ['metadata.name: Required value: name or generateName is required']},
    {name: 'uppercase name', given: (p) => (p.metadata.name = 'MyPod'), want: [`metadata.name: Invalid value: "MyPod": ${SUBDOMAIN}`]},
    {name: 'name too long', given: (p) => (p.metadata.name = 'a'.repeat(254)), want: [`metadata.name: Invalid value: "${'a'.repeat(254)}": must be no more than 253 characters`]},
    {
      name: 'invalid generateName and generated name',
      given: (p) => (p.metadata = {generateName: 'Web-', name: 'Web-x2x4z', namespace: 'default'}),
      want: [`metadata.generateName: Invalid value: "Web-": ${SUBDOMAIN}`, `metadata.name: Invalid value: "Web-x2x4z": ${SUBDOMAIN}`],
    },
    {name: 'valid generateName with dash', given: (p) => (p.metadata.generateName = 'web-'), want: []},
    {name: 'bad label key', given: (p) => (p.metadata.labels = {'bad key': 'x'}), want: [`metadata.labels: Invalid value: "bad key": ${NAME_PART}`]},
    {name: 'bad label value', given: (p) => (p.metadata.labels = {app: 'x y'}), want: [`metadata.labels: Invalid value: "x y": ${LABEL_VALUE}`]},
    {name: 'bad annotation key', given: (p) => (p.metadata.annotations = {'-x': 'y'}), want: [`metadata.annotations: Invalid value: "-x": ${NAME_PART}`]},
    {name: 'containers required', given: (p) => (p.spec.containers = []), want: ['spec.containers: Required value']},
    {name: 'container name required', given: (p) => (p.spec.containers[0].name = ''), want: ['spec.containers[0].name: Required value']},
    {name: 'uppercase container name', given: (p) => (p.spec.containers[0].name = 'Sise'), want: [`spec.containers[0].name: Invalid value: "Sise": ${LABEL}`]},
    {name: 'container name with dots', given: (p) => (p.spec.containers[0].name = 'a.b'), want: ['spec.containers[0].name: Invalid value: "a.b": must not contain dots']},
    {name: 'image required', given: (p) => delete p.spec.containers[0].image, want: ['spec.containers[0].image: Required value']},
    {name: 'image with spaces', given: (p) => (p.spec.containers[0].image = ' nginx'), want: ['spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace']},
    {
      name: 'duplicate container names',
      given: (p) => p.spec.containers.push({name: 'c', image: 'busybox'}),
      want: ['spec.containers[1].name: Duplicate value: "c"'],
    },
    {name: 'containerPort zero', given: (p) => (p.spec.containers[0].ports = [{containerPort: 0}]), want: ['spec.containers[0].ports[0].containerPort: Required value']},
    {name: 'containerPort too big', given: (p) => (p.spec.containers[0].ports = [{containerPort: 70000}]), want: ['spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive']},
    {
      name: 'unsupported protocol',
      given: (p) => (p.spec.containers[0].ports = [{containerPort: 80, protocol: 'XYZ'}]),
      want: ['spec.containers[0].ports[0].protocol: Unsupported value: "XYZ": supported values: "SCTP", "TCP", "UDP"'],
    },
    {
      name: 'invalid port name',
      given: (p) => (p.spec.containers[0].ports = [{containerPort: 80, name: 'HTTP_PORT'}]),
      want: [
        'spec.containers[0].ports[0].name: Invalid value: "HTTP_PORT": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.containers[0].ports[0].name: Invalid value: "HTTP_PORT": must contain at least one letter (a-z)',
      ],
    },
    {name: 'port name too long', given: (p) => (p.spec.containers[0].ports = [{containerPort: 80, name: 'a-very-long-port-name'}]), want: ['spec.containers[0].ports[0].name: Invalid value: "a-very-long-port-name": must be no more than 15 characters']},
    {
      name: 'duplicate port names',
      given: (p) => (p.spec.containers[0].ports = [{containerPort: 80, name: 'web'}, {containerPort: 81, name: 'web'}]),
      want: ['spec.containers[0].ports[1].name: Duplicate value: "web"'],
    },
    {name: 'env name required', given: (p) => (p.spec.containers[0].env = [{name: '', value: 'x'}]), want: ['spec.containers[0].env[0].name: Required value']},
    {
      name: 'env name with =',
      given: (p) => (p.spec.containers[0].env = [{name: 'A=B', value: 'x'}]),
      want: ['spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than \'=\''],
    },
    {name: 'env name with dash is fine', given: (p) => (p.spec.containers[0].env = [{name: 'my-var.1', value: 'x'}]), want: []},
    {
      name: 'env fieldRef not supported',
      given: (p) => (p.spec.containers[0].env = [{name: 'A', valueFrom: {fieldRef: {fieldPath: 'metadata.labels'}}}]),
      want: ['spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "metadata.labels": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"'],
    },
    {
      name: 'env valueFrom without source',
      given: (p) => (p.spec.containers[0].env = [{name: 'A', valueFrom: {}}]),
      want: ['spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'],
    },
    {
      name: 'unsupported restartPolicy',
      given: (p) => (p.spec.restartPolicy = 'Sometimes'),
      want: ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    },
    {
      name: 'unsupported dnsPolicy',
      given: (p) => (p.spec.dnsPolicy = 'Foo'),
      want: ['spec.dnsPolicy: Unsupported value: "Foo": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"'],
    },
    {
      name: 'unsupported imagePullPolicy',
      given: (p) => (p.spec.containers[0].imagePullPolicy = 'Sometimes'),
      want: ['spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"'],
    },
    {name: 'volume name invalid', given: (p) => (p.spec.volumes = [{name: 'Data', emptyDir: {}}]), want: [`spec.volumes[0].name: Invalid value: "Data": ${LABEL}`]},
    {
      name: 'duplicate volume',
      given: (p) => (p.spec.volumes = [{name: 'd', emptyDir: {}}, {name: 'd', emptyDir: {}}]),
      want: ['spec.volumes[1].name: Duplicate value: "d"'],
    },
    {
      name: 'two volume sources',
      given: (p) => (p.spec.volumes = [{name: 'd', emptyDir: {}, hostPath: {path: '/x'}}]),
      want: ['spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type'],
    },
    {name: 'pvc claimName required', given: (p) => (p.spec.volumes = [{name: 'd', persistentVolumeClaim: {}}]), want: ['spec.volumes[0].persistentVolumeClaim.claimName: Required value']},
    {
      name: 'mount of an unknown volume',
      given: (p) => (p.spec.containers[0].volumeMounts = [{name: 'nope', mountPath: '/data'}]),
      want: ['spec.containers[0].volumeMounts[0].name: Not found: "nope"'],
    },
    {
      name: 'mountPath required',
      given: (p) => {
        p.spec.volumes = [{name: 'd', emptyDir: {}}]
        p.spec.containers[0].volumeMounts = [{name: 'd'}]
      },
      want: ['spec.containers[0].volumeMounts[0].mountPath: Required value'],
    },
    {
      name: 'liveness successThreshold',
      given: (p) => (p.spec.containers[0].livenessProbe = {httpGet: {port: 80}, successThreshold: 2}),
      want: ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1'],
    },
    {name: 'probe without handler', given: (p) => (p.spec.containers[0].readinessProbe = {periodSeconds: 5}), want: ['spec.containers[0].readinessProbe: Required value: must specify a handler type']},
    {
      name: 'probe port name invalid',
      given: (p) => (p.spec.containers[0].readinessProbe = {tcpSocket: {port: 'Web'}}),
      want: ['spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: "Web": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'],
    },
    {
      name: 'request above limit',
      given: (p) => (p.spec.containers[0].resources = {limits: {cpu: '1'}, requests: {cpu: '2'}}),
      want: ['spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1'],
    },
    {
      name: 'non-standard resource',
      given: (p) => (p.spec.containers[0].resources = {limits: {gpu: '1'}}),
      want: [
        'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers',
        // requests are defaulted from limits on pods, so they fail too
        'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers',
      ],
    },
    {
      name: 'toleration operator',
      given: (p) => (p.spec.tolerations = [{key: 'k', operator: 'Maybe'}]),
      want: ['spec.tolerations[0].operator: Unsupported value: "Maybe": supported values: "Equal", "Exists"'],
    },
    {name: 'nodeSelector value', given: (p) => (p.spec.nodeSelector = {disk: 'fast ssd'}), want: [`spec.nodeSelector: Invalid value: "fast ssd": ${LABEL_VALUE}`]},
    {
      name: 'causes in apiserver order',
      given: (p) => {
        p.metadata.name = 'Bad'
        p.spec.containers[0].name = ''
        delete p.spec.containers[0].image
        p.spec.restartPolicy = 'No'
      },
      want: [
        `metadata.name: Invalid value: "Bad": ${SUBDOMAIN}`,
        'spec.containers[0].name: Required value',
        'spec.containers[0].image: Required value',
        'spec.restartPolicy: Unsupported value: "No": supported values: "Always", "OnFailure", "Never"',
      ],
    },
  ]
  for (const c of cases) it(c.name, () => assert.deepEqual(lines(makePod(c.given)), c.want))
})

describe('throwIfInvalid', () => {
  it('passes a valid object', () => assert.doesNotThrow(() => throwIfInvalid(makePod())))
  it('raises the Invalid StatusError with all causes', () => {
    const pod = makePod((p) => {
      p.metadata.name = 'x'
      delete p.spec.containers[0].image
      p.spec.containers[0].ports = [{containerPort: 0}]
    })
    assert.throws(() => throwIfInvalid(pod), (e: unknown) => e instanceof StatusError && e.reason === 'Invalid' &&
      e.message === 'Pod "x" is invalid: [spec.containers[0].image: Required value, spec.containers[0].ports[0].containerPort: Required value]' &&
      e.details.causes?.length === 2)
  })
})
