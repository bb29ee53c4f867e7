import assert from 'node:assert/strict'
import {StatusError} from '../../src/api/errors.js'
import {findDecodeError, findUnknownFields, strictDecode, strictDecodingError} from '../../src/api/schema/decode.js'
import {orderFields} from '../../src/api/schema/order.js'

type Any = any

const pod = (fn: (p: Any) => void = () => {}): Any => {
  const p: Any = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p', labels: {app: 'x'}}, spec: {containers: [{name: 'c', image: 'nginx', ports: [{containerPort: 80}]}]}}
  fn(p)
  return p
}

describe('findUnknownFields', () => {
  const cases: {name: string; given: Any; want: string[]}[] = [
    {name: 'valid pod', given: pod(), want: []},
    {name: 'top-level field', given: pod((p) => (p.foo = 1)), want: ['foo']},
    {name: 'spec field', given: pod((p) => (p.spec.foo = 1)), want: ['spec.foo']},
    {name: 'list index in path', given: pod((p) => (p.spec.containers[0].imagePullPolicyy = 'Always')), want: ['spec.containers[0].imagePullPolicyy']},
    {name: 'nested list', given: pod((p) => (p.spec.containers[0].ports[0].hostport = 80)), want: ['spec.containers[0].ports[0].hostport']},
    {name: 'case-sensitive names', given: pod((p) => (p.metadata.Name = 'x')), want: ['metadata.Name']},
    {name: 'sorted like the JSON kubectl sends', given: pod((p) => ((p.spec.zz = 1), (p.spec.aa = 2), (p.metadata.x = 3))), want: ['metadata.x', 'spec.aa', 'spec.zz']},
    {name: 'map values are free-form', given: pod((p) => (p.metadata.annotations = {anything: 'goes'})), want: []},
    {name: 'probe fields', given: pod((p) => (p.spec.containers[0].livenessProbe = {httpGet: {path: '/', port: 80, foo: 1}, initialDelay: 2})), want: ['spec.containers[0].livenessProbe.httpGet.foo', 'spec.containers[0].livenessProbe.initialDelay']},
    {name: 'volume sources', given: pod((p) => (p.spec.volumes = [{name: 'v', emptyDir: {size: 1}}, {name: 'w', secret: {secretName: 's', mode: 1}}])), want: ['spec.volumes[0].emptyDir.size', 'spec.volumes[1].secret.mode']},
    {
      name: 'deployment template',
      given: {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'd'}, spec: {replicass: 2, template: {spec: {containers: [{name: 'c', imagee: 'x'}]}}}},
      want: ['spec.replicass', 'spec.template.spec.containers[0].imagee'],
    },
    {name: 'unknown kind is not checked', given: {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'x'}, data: {a: 'b'}, foo: 1}, want: []},
  ]
  for (const c of cases) it(c.name, () => assert.deepEqual(findUnknownFields(c.given), c.want))
})

describe('findDecodeError', () => {
  const cases: {name: string; given: Any; want: string | undefined}[] = [
    {name: 'valid pod', given: pod(), want: undefined},
    {
      name: 'string for an int32',
      given: pod((p) => (p.spec.containers[0].ports[0].containerPort = '80')),
      want: 'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    },
    {
      name: 'fraction for an int32',
      given: pod((p) => (p.spec.containers[0].ports[0].containerPort = 1.5)),
      want: 'json: cannot unmarshal number 1.5 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    },
    {name: 'number for a string', given: pod((p) => (p.spec.containers[0].image = 5)), want: 'json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string'},
    {name: 'named string type', given: pod((p) => (p.spec.restartPolicy = true)), want: 'json: cannot unmarshal bool into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy'},
    {name: 'string for a list', given: pod((p) => (p.spec.containers = 'c')), want: 'json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container'},
    {name: 'string for a list element', given: pod((p) => (p.spec.containers = ['c'])), want: 'json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type v1.Container'},
    {name: 'list for a struct', given: pod((p) => (p.spec = [])), want: 'json: cannot unmarshal array into Go struct field Pod.spec of type v1.PodSpec'},
    {name: 'number label value', given: pod((p) => (p.metadata.labels = {version: 2})), want: 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string'},
    {name: 'int64 field', given: pod((p) => (p.spec.terminationGracePeriodSeconds = '30')), want: 'json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64'},
    {name: 'int-or-string', given: pod((p) => (p.spec.containers[0].livenessProbe = {tcpSocket: {port: true}})), want: 'json: cannot unmarshal bool into Go value of type int32'},
    {
      name: 'bad quantity',
      given: pod((p) => (p.spec.containers[0].resources = {limits: {cpu: 'lots'}})),
      want: 'quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
    },
    {name: 'bad quantity suffix', given: pod((p) => (p.spec.containers[0].resources = {limits: {memory: '1KK'}})), want: 'unable to parse quantity\'s suffix'},
    {name: 'null is accepted', given: pod((p) => (p.metadata.creationTimestamp = null)), want: undefined},
  ]
  for (const c of cases) it(c.name, () => assert.equal(findDecodeError(c.given), c.want))
})

describe('strictDecode', () => {
  it('reports unknown fields as the apiserver does', () => {
    assert.throws(() => strictDecode(pod((p) => ((p.spec.foo = 1), (p.spec.containers[0].bar = 2)))), (e: unknown) => e instanceof StatusError && e.reason === 'BadRequest' &&
      e.message === 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].bar", unknown field "spec.foo"')
  })
  it('reports a type error before unknown fields', () => {
    assert.throws(() => strictDecode(pod((p) => ((p.spec.foo = 1), (p.spec.containers[0].ports[0].containerPort = '80')))), {
      message: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    })
  })
  it('uses the version without the group', () => {
    assert.equal(strictDecodingError('Deployment', 'apps/v1', ['spec.replicass']).message, 'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicass"')
  })
  it('accepts a valid object', () => assert.doesNotThrow(() => strictDecode(pod())))
})

describe('orderFields', () => {
  it('puts fields in Go struct order and sorts map keys', () => {
    const ordered = orderFields({spec: {restartPolicy: 'Always', containers: [{image: 'x', name: 'c'}]}, metadata: {labels: {b: '1', a: '2'}, name: 'p'}, kind: 'Pod', apiVersion: 'v1'})
    assert.equal(JSON.stringify(ordered), '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"a":"2","b":"1"}},"spec":{"containers":[{"name":"c","image":"x"}],"restartPolicy":"Always"}}')
  })
})
