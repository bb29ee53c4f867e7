import assert from 'node:assert/strict'
import type {KubeObject} from '../../src/api/types.js'
import {applyDefaults} from '../../src/api/defaults/index.js'
import {StatusError} from '../../src/api/errors.js'
import {throwIfInvalid, validateObject} from '../../src/api/validation/index.js'

type Any = any

const template = (): Any => ({metadata: {labels: {app: 'sise'}}, spec: {containers: [{name: 'sise', image: 'quay.io/openshiftlabs/simpleservice:0.5.0', ports: [{containerPort: 9876}]}]}})

function make(base: Any, fn: (o: Any) => void): KubeObject {
  fn(base)
  return applyDefaults(base)
}

function lines(obj: KubeObject): string[] {
  return validateObject(obj).map((c) => `${c.field}: ${c.message}`)
}

const LABEL_VALUE = `a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`

describe('validateObject: ReplicationController', () => {
  const rc = (): Any => ({apiVersion: 'v1', kind: 'ReplicationController', metadata: {name: 'rcsise', namespace: 'default'}, spec: {replicas: 1, selector: {app: 'sise'}, template: template()}})
  const cases: {name: string; given: (o: Any) => void; want: string[]}[] = [
    {name: 'tutorial RC is valid', given: () => {}, want: []},
    {name: 'selector defaults from the template', given: (o) => delete o.spec.selector, want: []},
    {
      name: 'selector does not match template labels',
      given: (o) => (o.spec.selector = {app: 'x'}),
      want: ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"sise"}: `selector` does not match template `labels`'],
    },
    {
      name: 'template without labels',
      given: (o) => delete o.spec.template.metadata,
      want: ['spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`'],
    },
    {name: 'negative replicas', given: (o) => (o.spec.replicas = -1), want: ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']},
    {name: 'no selector and no template', given: (o) => (o.spec = {}), want: ['spec.selector: Required value', 'spec.template: Required value']},
    {
      name: 'template restartPolicy must be Always',
      given: (o) => (o.spec.template.spec.restartPolicy = 'Never'),
      want: ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    },
    {name: 'template containers required', given: (o) => (o.spec.template.spec.containers = []), want: ['spec.template.spec.containers: Required value']},
    {
      name: 'invalid template label (copied to metadata and selector)',
      given: (o) => ((o.spec.template.metadata.labels = {app: 'a b'}), delete o.spec.selector),
      want: [`metadata.labels: Invalid value: "a b": ${LABEL_VALUE}`, `spec.template.labels: Invalid value: "a b": ${LABEL_VALUE}`],
    },
  ]
  for (const c of cases) it(c.name, () => assert.deepEqual(lines(make(rc(), c.given)), c.want))
})

describe('validateObject: Deployment', () => {
  const deploy = (): Any => ({apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'sise-deploy', namespace: 'default'}, spec: {replicas: 2, selector: {matchLabels: {app: 'sise'}}, template: template()}})
  const cases: {name: string; given: (o: Any) => void; want: string[]}[] = [
    {name: 'tutorial deployment is valid', given: () => {}, want: []},
    {
      name: 'selector required',
      given: (o) => delete o.spec.selector,
      want: ['spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"sise"}: `selector` does not match template `labels`'],
    },
    {
      name: 'empty selector',
      given: (o) => (o.spec.selector = {}),
      want: ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment'],
    },
    {
      name: 'selector mismatch',
      given: (o) => (o.spec.selector.matchLabels = {app: 'other'}),
      want: ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"sise"}: `selector` does not match template `labels`'],
    },
    {
      name: 'In without values',
      given: (o) => (o.spec.selector = {matchExpressions: [{key: 'app', operator: 'In'}]}),
      want: [
        'spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is \'In\' or \'NotIn\'',
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"In", Values:[]string(nil)}}}: invalid label selector',
      ],
    },
    {
      name: 'unsupported strategy',
      given: (o) => (o.spec.strategy = {type: 'BlueGreen'}),
      want: ['spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"'],
    },
    {
      name: 'bad maxUnavailable',
      given: (o) => (o.spec.strategy = {rollingUpdate: {maxUnavailable: 'half'}}),
      want: ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"half"}: a valid percent string must be a numeric string followed by an ending \'%\' (e.g. \'1%\',  or \'93%\', regex used for validation is \'[0-9]+%\')'],
    },
    {
      name: 'both maxSurge and maxUnavailable zero',
      given: (o) => (o.spec.strategy = {rollingUpdate: {maxUnavailable: 0, maxSurge: 0}}),
      want: ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0'],
    },
    {
      name: 'Recreate with rollingUpdate',
      given: (o) => (o.spec.strategy = {type: 'Recreate', rollingUpdate: {maxSurge: 1}}),
      want: ['spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is \'Recreate\''],
    },
    {name: 'negative revisionHistoryLimit', given: (o) => (o.spec.revisionHistoryLimit = -1), want: ['spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0']},
  ]
  for (const c of cases) it(c.name, () => assert.deepEqual(lines(make(deploy(), c.given)), c.want))
})

describe('validateObject: ReplicaSet and Namespace', () => {
  it('ReplicaSet selector required', () => {
    const rs: Any = {apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: {name: 'rs', namespace: 'default'}, spec: {template: template()}}
    assert.deepEqual(lines(applyDefaults(rs)), ['spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"sise"}: `selector` does not match template `labels`'])
  })
  const ns = (name: string, extra: Any = {}): KubeObject => applyDefaults({apiVersion: 'v1', kind: 'Namespace', metadata: {name}, ...extra})
  const cases: {name: string; given: KubeObject; want: string[]}[] = [
    {name: 'valid namespace', given: ns('test'), want: []},
    {
      name: 'uppercase namespace (DNS-1123 label)',
      given: ns('Test'),
      want: [
        `metadata.name: Invalid value: "Test": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
        // the defaulted kubernetes.io/metadata.name label is checked too, and "Test" is a valid label value
      ],
    },
    {name: 'namespace with dots', given: ns('a.b'), want: ['metadata.name: Invalid value: "a.b": must not contain dots']},
    {
      name: 'unqualified finalizer',
      given: ns('x', {spec: {finalizers: ['custom']}}),
      want: ['spec.finalizers: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified'],
    },
  ]
  for (const c of cases) it(c.name, () => assert.deepEqual(lines(c.given), c.want))
})

describe('throwIfInvalid for apps kinds', () => {
  it('qualifies the kind in the message but not in the details', () => {
    const d: Any = {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'd', namespace: 'default'}, spec: {selector: {}, template: template()}}
    assert.throws(() => throwIfInvalid(applyDefaults(d)), (e: unknown) => e instanceof StatusError && e.details.kind === 'Deployment' &&
      e.message === 'Deployment.apps "d" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment')
  })
})
