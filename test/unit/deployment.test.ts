// The deployment controller, one sync at a time: table-driven cases over plain objects (no cluster), plus
// the pod-template-hash, int-or-percent resolution and the status computation.
import assert from 'node:assert/strict'
import {jsonEqual, type Action} from '../../src/controllers/context.js'
import {syncDeployment} from '../../src/controllers/deployment.js'
import {calculateStatus} from '../../src/controllers/deployment-status.js'
import {
  equalIgnoreHash, fnv32a, maxUnavailable, podTemplateHash, resolveIntOrPercent, safeEncode,
  type DeploymentObject, type ReplicaSetObject,
} from '../../src/controllers/deployment-util.js'
import type {Pod} from '../../src/api/types.js'

const NOW = new Date('2026-11-25T16:30:00Z')
const template = (version: string) => ({metadata: {labels: {app: 'sise'}}, spec: {containers: [{name: 'sise', image: 'simpleservice', env: [{name: 'V', value: version}]}]}})

function deployment(version: string, replicas = 2, extra: Partial<DeploymentObject['spec']> = {}): DeploymentObject {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: {name: 'd', namespace: 'default', uid: 'd-uid', generation: 1, creationTimestamp: '2026-11-25T16:00:00Z'},
    spec: {replicas, selector: {matchLabels: {app: 'sise'}}, template: template(version), strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: '25%', maxUnavailable: '25%'}}, revisionHistoryLimit: 10, progressDeadlineSeconds: 600, ...extra},
    status: {},
  }
}

function replicaSet(version: string, replicas: number, available: number, revision: number, created: string, desired = 2): ReplicaSetObject {
  const hash = podTemplateHash(template(version))
  const labels = {app: 'sise', 'pod-template-hash': hash}
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {name: `d-${hash}`, namespace: 'default', uid: `rs-${version}`, generation: 1, creationTimestamp: created, labels,
      annotations: {'deployment.kubernetes.io/revision': String(revision), 'deployment.kubernetes.io/desired-replicas': String(desired), 'deployment.kubernetes.io/max-replicas': String(desired + 1)},
      ownerReferences: [{apiVersion: 'apps/v1', kind: 'Deployment', name: 'd', uid: 'd-uid', controller: true}]},
    spec: {replicas, selector: {matchLabels: labels}, template: {...template(version), metadata: {labels}}},
    status: {replicas, readyReplicas: available, availableReplicas: available, observedGeneration: 1},
  }
}

/** A compact view of the actions: what each does to which object. */
function summary(actions: Action[]): string[] {
  return actions.map((a) => {
    if (a.type === 'event') return `event: ${a.event.message}`
    if (a.type === 'create' || a.type === 'update' || a.type === 'delete') {
      const o = a.object as ReplicaSetObject
      if (o.kind === 'Deployment') return `${a.type} deployment revision=${o.metadata.annotations?.['deployment.kubernetes.io/revision']}`
      return `${a.type} ${o.metadata.name} replicas=${o.spec.replicas} revision=${o.metadata.annotations?.['deployment.kubernetes.io/revision']}`
    }
    return a.type
  })
}

const H1 = podTemplateHash(template('1'))
const H2 = podTemplateHash(template('2'))

const CASES: {name: string; d: DeploymentObject; sets: ReplicaSetObject[]; pods?: Pod[]; want: string[]}[] = [
  {name: 'a new deployment creates its ReplicaSet at full size', d: deployment('1'), sets: [],
    want: [`create d-${H1} replicas=2 revision=1`, `event: Scaled up replica set d-${H1} to 2`, 'update deployment revision=1']},
  {name: 'a template change creates the new ReplicaSet within maxSurge', d: deployment('2'), sets: [replicaSet('1', 2, 2, 1, '2026-11-25T16:00:00Z')],
    want: [`create d-${H2} replicas=1 revision=2`, `event: Scaled up replica set d-${H2} to 1`, 'update deployment revision=2']},
  {name: 'old pods stay while the new one is not available (maxUnavailable 0)', d: deployment('2'),
    sets: [replicaSet('1', 2, 2, 1, '2026-11-25T16:00:00Z'), replicaSet('2', 1, 0, 2, '2026-11-25T16:10:00Z')],
    want: ['update deployment revision=2']},
  {name: 'an available new pod lets an old one go', d: deployment('2'),
    sets: [replicaSet('1', 2, 2, 1, '2026-11-25T16:00:00Z'), replicaSet('2', 1, 1, 2, '2026-11-25T16:10:00Z')],
    want: [`update d-${H1} replicas=1 revision=1`, `event: Scaled down replica set d-${H1} to 1 from 2`, 'update deployment revision=2']},
  {name: 'the new ReplicaSet grows once the old one shrank', d: deployment('2'),
    sets: [replicaSet('1', 1, 1, 1, '2026-11-25T16:00:00Z'), replicaSet('2', 1, 1, 2, '2026-11-25T16:10:00Z')],
    want: [`update d-${H2} replicas=2 revision=2`, `event: Scaled up replica set d-${H2} to 2 from 1`, 'update deployment revision=2']},
  {name: 'a scaling event resizes the only active ReplicaSet', d: deployment('1', 3), sets: [replicaSet('1', 2, 2, 1, '2026-11-25T16:00:00Z')],
    want: [`update d-${H1} replicas=3 revision=1`, `event: Scaled up replica set d-${H1} to 3 from 2`, 'update deployment revision=1']},
  {name: 'rolling back reuses the old ReplicaSet under a new revision', d: deployment('1'),
    sets: [replicaSet('1', 0, 0, 1, '2026-11-25T16:00:00Z'), replicaSet('2', 2, 2, 2, '2026-11-25T16:10:00Z')],
    // As upstream: the revision annotations are written first, then the same sync scales up (maxSurge 1).
    want: [`update d-${H1} replicas=0 revision=3`, `update d-${H1} replicas=1 revision=3`, `event: Scaled up replica set d-${H1} to 1 from 0`, 'update deployment revision=undefined']},
  {name: 'Recreate scales the old ReplicaSet to zero first', d: deployment('2', 2, {strategy: {type: 'Recreate'}}), sets: [replicaSet('1', 2, 2, 1, '2026-11-25T16:00:00Z')],
    want: [`update d-${H1} replicas=0 revision=1`, `event: Scaled down replica set d-${H1} to 0 from 2`, 'update deployment revision=undefined']},
  {name: 'Recreate creates the new ReplicaSet once the old pods are gone', d: deployment('2', 2, {strategy: {type: 'Recreate'}}), sets: [replicaSet('1', 0, 0, 1, '2026-11-25T16:00:00Z', 2)],
    want: [`create d-${H2} replicas=2 revision=2`, `event: Scaled up replica set d-${H2} to 2`, 'update deployment revision=2']},
  {name: 'old empty ReplicaSets beyond revisionHistoryLimit are deleted', d: deployment('3', 2, {revisionHistoryLimit: 1}),
    sets: [replicaSet('1', 0, 0, 1, '2026-11-25T16:00:00Z', 2), replicaSet('2', 0, 0, 2, '2026-11-25T16:05:00Z', 2), replicaSet('3', 2, 2, 3, '2026-11-25T16:10:00Z')],
    want: [`delete d-${H1} replicas=0 revision=1`, 'update deployment revision=3']},
]

describe('deployment controller: one sync', () => {
  for (const c of CASES) {
    it(c.name, () => {
      assert.deepEqual(summary(syncDeployment(c.d, c.sets, c.pods ?? [], NOW)), c.want)
    })
  }

  it('rolling back records the old revision in revision-history', () => {
    const actions = syncDeployment(deployment('1'), [replicaSet('1', 0, 0, 1, '2026-11-25T16:00:00Z'), replicaSet('2', 2, 2, 2, '2026-11-25T16:10:00Z')], [], NOW)
    const rs = (actions[0] as unknown as {object: ReplicaSetObject}).object
    assert.equal(rs.metadata.annotations?.['deployment.kubernetes.io/revision-history'], '1')
  })

  it('a settled deployment produces no action', () => {
    const d = deployment('1')
    const sets = [replicaSet('1', 2, 2, 1, '2026-11-25T16:00:00Z')]
    const first = syncDeployment(d, sets, [], NOW).find((a) => a.type === 'update') as unknown as {object: DeploymentObject}
    assert.deepEqual(syncDeployment(first.object, sets, [], NOW), [])
  })
})

describe('deployment controller: hash and arithmetic', () => {
  it('FNV-32a of known inputs', () => {
    assert.equal(fnv32a(''), 0x811c9dc5)
    assert.equal(fnv32a('a'), 0xe40c292c)
  })
  it('SafeEncodeString maps decimal digits', () => assert.equal(safeEncode('0123456789'), '456789bcdf'))
  it('the pod-template-hash depends on the template only (and the collision count)', () => {
    assert.equal(podTemplateHash(template('1')), podTemplateHash(structuredClone(template('1'))))
    assert.notEqual(podTemplateHash(template('1')), podTemplateHash(template('2')))
    assert.notEqual(podTemplateHash(template('1'), 1), podTemplateHash(template('1')))
    assert.match(podTemplateHash(template('1')), /^[456789bcdf]{1,10}$/)
  })
  it('templates compare equal ignoring the hash label', () => {
    assert.ok(equalIgnoreHash(replicaSet('1', 1, 1, 1, 'x').spec.template, template('1')))
    assert.ok(!equalIgnoreHash(replicaSet('1', 1, 1, 1, 'x').spec.template, template('2')))
  })
  const PERCENT: {given: [number | string, number, boolean]; want: number}[] = [
    {given: ['25%', 2, true], want: 1}, {given: ['25%', 2, false], want: 0}, {given: ['50%', 3, false], want: 1},
    {given: ['50%', 3, true], want: 2}, {given: [1, 10, false], want: 1}, {given: ['100%', 4, false], want: 4},
  ]
  for (const p of PERCENT) it(`resolves ${p.given.join(', ')} to ${p.want}`, () => assert.equal(resolveIntOrPercent(...p.given), p.want))
  it('maxUnavailable becomes 1 when both limits resolve to 0', () => {
    assert.equal(maxUnavailable(deployment('1', 1, {strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: 0, maxUnavailable: '25%'}}})), 1)
  })
  it('status counts and the Available condition', () => {
    const status = calculateStatus(deployment('2'), [replicaSet('1', 1, 1, 1, 'a'), replicaSet('2', 2, 1, 2, 'b')], replicaSet('2', 2, 1, 2, 'b'), NOW)
    assert.deepEqual({...status, conditions: status.conditions?.map((c) => `${c.type}=${c.status}/${c.reason}`)}, {
      observedGeneration: 1, replicas: 3, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2, unavailableReplicas: 1,
      conditions: ['Available=True/MinimumReplicasAvailable'],
    })
  })
})

describe('jsonEqual (does a write change anything)', () => {
  it('compares JSON values, whatever order objects list their keys in', () => {
    // A status computed in code against the same status read back from the state file (keys sorted).
    assert.ok(jsonEqual({replicas: 2, readyReplicas: 2, observedGeneration: 1}, {observedGeneration: 1, readyReplicas: 2, replicas: 2}))
    assert.ok(jsonEqual({a: [{y: 1, x: {q: null, p: 'v'}}], b: undefined}, {a: [{x: {p: 'v', q: null}, y: 1}]}))
    assert.ok(!jsonEqual({a: 1, b: 2}, {a: 1, c: 2}))
    assert.ok(!jsonEqual({a: 1, b: 2}, {a: 1}))
    assert.ok(!jsonEqual({a: 1}, {a: 1, b: 2}))
    assert.ok(!jsonEqual({constructor: 1}, {}), 'an inherited member is no member')
    assert.ok(!jsonEqual({}, {constructor: 1}))
    assert.ok(!jsonEqual([1, 2], [2, 1]), 'arrays keep their order')
    assert.ok(!jsonEqual({a: {b: 1}}, {a: {b: 2}}))
  })
})
