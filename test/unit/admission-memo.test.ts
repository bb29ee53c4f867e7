// Pods a controller creates from one template are admitted in full once and derived after that
// (src/cluster/admission-memo.ts): every derived pod must equal what full admission gives — same bytes,
// same random draws — whatever the template holds (init containers, several containers, no token
// automount, a container that already mounts the token path, a volume of its own).
import assert from 'node:assert/strict'
import type {Pod, PodTemplateSpec, ReplicationController} from '../../src/api/types.js'
import {admit} from '../../src/cluster/admission.js'
import {AdmissionMemo} from '../../src/cluster/admission-memo.js'
import {Cluster} from '../../src/cluster/cluster.js'
import {podFromTemplate} from '../../src/controllers/replication.js'
import {Sfc32, seedState} from '../../src/util/random.js'

const T0 = new Date('2026-11-25T16:30:00Z')

const TEMPLATES: Record<string, PodTemplateSpec> = {
  plain: {metadata: {labels: {app: 'x'}}, spec: {containers: [{name: 'c', image: 'nginx', ports: [{containerPort: 80}]}]}},
  'init and two containers': {metadata: {labels: {app: 'x'}, annotations: {a: 'b'}}, spec: {
    initContainers: [{name: 'init', image: 'busybox:1.36', command: ['true']}],
    containers: [{name: 'a', image: 'nginx'}, {name: 'b', image: 'centos:7', resources: {limits: {cpu: '1', memory: '64Mi'}}}]}},
  'no token automount': {spec: {automountServiceAccountToken: false, containers: [{name: 'c', image: 'nginx'}]}},
  'token path already mounted': {spec: {volumes: [{name: 'own', emptyDir: {}}],
    containers: [{name: 'c', image: 'nginx', volumeMounts: [{name: 'own', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount'}]}, {name: 'd', image: 'nginx'}]}},
} as unknown as Record<string, PodTemplateSpec>

describe('admission memo for controller-made pods', () => {
  for (const [what, template] of Object.entries(TEMPLATES)) {
    it(`derived pods equal fully admitted ones: ${what}`, () => {
      const cluster = Cluster.bootstrap(T0, 3)
      const owner = {apiVersion: 'v1', kind: 'ReplicationController', metadata: {name: 'owner', namespace: 'default', uid: 'u-1'}} as unknown as ReplicationController
      const memo = new AdmissionMemo()
      const viaMemo = new Sfc32(seedState(42))
      const full = new Sfc32(seedState(42))
      for (let i = 0; i < 6; i++) {
        const pod = podFromTemplate(template, owner, 'owner-')
        pod.metadata.name = `owner-${viaMemo.suffix(5)}`
        full.suffix(5)
        const a = memo.admitPod(structuredClone(pod) as Pod, {random: viaMemo, store: cluster.store, serviceIPsInUse: () => new Set()})
        const b = admit(structuredClone(pod), {random: full, store: cluster.store, serviceIPsInUse: () => new Set()}, false)
        assert.equal(JSON.stringify(a), JSON.stringify(b), `pod ${i}`)
        assert.deepEqual(viaMemo.state(), full.state(), `random draws after pod ${i}`)
      }
    })
  }

  it('a terminating namespace still refuses derived pods the apiserver way', () => {
    const cluster = Cluster.bootstrap(T0, 3)
    cluster.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team'}})
    cluster.create({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'keep', namespace: 'team'}, spec: {containers: [{name: 'c', image: 'nginx'}]}} as Pod)
    cluster.advanceTo(new Date(T0.getTime() + 10_000))
    const owner = {apiVersion: 'v1', kind: 'ReplicationController', metadata: {name: 'owner', namespace: 'team', uid: 'u-1'}} as unknown as ReplicationController
    const memo = new AdmissionMemo()
    const random = new Sfc32(seedState(1))
    const make = () => {
      const pod = podFromTemplate(TEMPLATES.plain, owner, 'owner-')
      pod.metadata.name = `owner-${random.suffix(5)}`
      return pod
    }
    memo.admitPod(make(), {random, store: cluster.store, serviceIPsInUse: () => new Set()})
    cluster.delete(cluster.store.find('namespaces', undefined, 'team') as Pod)
    assert.throws(() => memo.admitPod(make(), {random, store: cluster.store, serviceIPsInUse: () => new Set()}), /unable to create new content in namespace team because it is being terminated/)
  })
})
