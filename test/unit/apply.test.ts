// kubectl apply's client-side pieces: the last-applied-configuration text (checked against what the real
// kubectl v1.32 stored through the oracle) and the three-way merge, table-driven.
import assert from 'node:assert/strict'
import {goJson, lastApplied, threeWayMerge, withLastApplied, LAST_APPLIED} from '../../src/cli/apply-merge.js'
import {convertLegacyApps} from '../../src/controllers/deployment-legacy.js'
import type {KubeObject} from '../../src/api/types.js'

type Obj = Record<string, unknown>

const D09 = {
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'sise-two', namespace: 'default'},
  spec: {replicas: 2, selector: {matchLabels: {app: 'sise'}}, template: {metadata: {labels: {app: 'sise'}}, spec: {containers: [{name: 'sise', image: 'quay.io/openshiftlabs/simpleservice:0.5.0', ports: [{containerPort: 9876}], env: [{name: 'SIMPLE_SERVICE_VERSION', value: '0.9'}]}]}}},
}

describe('apply: last-applied-configuration', () => {
  it('is the manifest as compact JSON with sorted keys and a newline (as kubectl v1.32 stored it)', () => {
    const annotations = (withLastApplied(D09).metadata as Obj).annotations as Record<string, string>
    assert.equal(annotations[LAST_APPLIED], '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"sise-two","namespace":"default"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"sise"}},"template":{"metadata":{"labels":{"app":"sise"}},"spec":{"containers":[{"env":[{"name":"SIMPLE_SERVICE_VERSION","value":"0.9"}],"image":"quay.io/openshiftlabs/simpleservice:0.5.0","name":"sise","ports":[{"containerPort":9876}]}]}}}}\n')
  })
  it('keeps the other annotations and never nests itself', () => {
    const once = withLastApplied({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p', annotations: {a: 'b'}}})
    const twice = withLastApplied(once)
    assert.deepEqual(lastApplied(twice), {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p', annotations: {a: 'b'}}})
  })
  it('escapes like Go encoding/json', () => assert.equal(goJson({k: 'a<b>&c'}), '{"k":"a\\u003cb\\u003e\\u0026c"}'))
})

const CASES: {name: string; original?: Obj; modified: Obj; live: Obj; want: Obj}[] = [
  {name: 'a changed scalar wins', original: {spec: {replicas: 2}}, modified: {spec: {replicas: 3}}, live: {spec: {replicas: 2, revisionHistoryLimit: 10}},
    want: {spec: {replicas: 3, revisionHistoryLimit: 10}}},
  {name: 'a field dropped from the manifest is removed', original: {metadata: {labels: {a: '1', b: '2'}}}, modified: {metadata: {labels: {a: '1'}}}, live: {metadata: {labels: {a: '1', b: '2', c: '3'}}},
    want: {metadata: {labels: {a: '1', c: '3'}}}},
  {name: 'fields nobody applied stay (clusterIP)', original: {spec: {ports: [{port: 80, targetPort: 9876}]}}, modified: {spec: {ports: [{port: 80, targetPort: 9876}]}},
    live: {spec: {clusterIP: '172.30.1.2', ports: [{port: 80, protocol: 'TCP', targetPort: 9876}]}},
    want: {spec: {clusterIP: '172.30.1.2', ports: [{port: 80, protocol: 'TCP', targetPort: 9876}]}}},
  {name: 'containers merge by name and keep their defaults', original: {containers: [{name: 'c', image: 'a'}]}, modified: {containers: [{name: 'c', image: 'b'}]},
    live: {containers: [{name: 'c', image: 'a', imagePullPolicy: 'IfNotPresent'}]}, want: {containers: [{name: 'c', image: 'b', imagePullPolicy: 'IfNotPresent'}]}},
  {name: 'env merges by name; a removed variable goes', original: {env: [{name: 'A', value: '1'}, {name: 'B', value: '2'}]}, modified: {env: [{name: 'A', value: '9'}]},
    live: {env: [{name: 'A', value: '1'}, {name: 'B', value: '2'}, {name: 'C', value: '3'}]}, want: {env: [{name: 'A', value: '9'}, {name: 'C', value: '3'}]}},
  {name: 'lists without a merge key are replaced', original: {args: ['a']}, modified: {args: ['b', 'c']}, live: {args: ['a', 'x']}, want: {args: ['b', 'c']}},
  {name: 'without a last-applied configuration nothing is removed', modified: {spec: {replicas: 1}}, live: {spec: {replicas: 2, paused: true}}, want: {spec: {replicas: 1, paused: true}}},
]

describe('apply: three-way merge', () => {
  for (const c of CASES) it(c.name, () => assert.deepEqual(threeWayMerge(c.original, c.modified, c.live), c.want))
})

describe('legacy apps versions', () => {
  const legacy = (apiVersion: string) => ({apiVersion, kind: 'Deployment', metadata: {name: 'd'}, spec: {replicas: 2, template: {metadata: {labels: {app: 'sise'}}, spec: {containers: []}}}}) as unknown as KubeObject
  const CONVERSIONS: {given: string; want: Obj}[] = [
    {given: 'apps/v1beta1', want: {selector: {matchLabels: {app: 'sise'}}, revisionHistoryLimit: 2}},
    {given: 'extensions/v1beta1', want: {selector: {matchLabels: {app: 'sise'}}, strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: 1, maxUnavailable: 1}}, revisionHistoryLimit: 2147483647, progressDeadlineSeconds: 2147483647}},
    {given: 'apps/v1beta2', want: {}},
  ]
  for (const c of CONVERSIONS) {
    it(`${c.given} is stored as apps/v1`, () => {
      const out = convertLegacyApps(legacy(c.given)) as unknown as {apiVersion: string; spec: Obj}
      assert.equal(out.apiVersion, 'apps/v1')
      const {replicas: _r, template: _t, ...rest} = out.spec
      assert.deepEqual(rest, c.want)
    })
  }
  it('apps/v1 objects pass through', () => {
    const obj = {...legacy('apps/v1')}
    assert.equal(convertLegacyApps(obj), obj)
  })
})
