// The namespace lifecycle on a real simulated cluster: deleting a namespace marks it Terminating, the
// namespace controller deletes what it holds (pods gracefully, the rest at once), and the namespace goes
// once it is empty; the apiserver's Forbidden and Conflict answers on the way.
import assert from 'node:assert/strict'
import {StatusError} from '../../src/api/errors.js'
import type {KubeObject, Namespace, Pod} from '../../src/api/types.js'
import {Cluster} from '../../src/cluster/cluster.js'
import {IMMORTAL_NAMESPACES} from '../../src/controllers/namespace.js'

const NOW = new Date('2026-11-25T16:30:00Z')
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000)

const namespace = (name: string): KubeObject => ({apiVersion: 'v1', kind: 'Namespace', metadata: {name}})
const pod = (name: string, ns: string, labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace: ns, labels}, spec: {containers: [{name: 'c', image: 'nginx'}]},
})
const service = (name: string, ns: string): KubeObject => ({
  apiVersion: 'v1', kind: 'Service', metadata: {name, namespace: ns}, spec: {selector: {app: 'x'}, ports: [{port: 80}]},
})

function clusterWith(...objects: KubeObject[]): Cluster {
  const cluster = Cluster.bootstrap(NOW, 5)
  for (const obj of objects) cluster.create(obj)
  cluster.advanceTo(later(30))
  return cluster
}

function ns(cluster: Cluster, name: string): Namespace | undefined {
  return cluster.store.find<Namespace>('namespaces', undefined, name)
}

function rejection(fn: () => void): {reason: string; message: string} {
  try {
    fn()
  } catch (error) {
    assert.ok(error instanceof StatusError, String(error))
    return {reason: error.reason, message: error.message}
  }
  assert.fail('expected the apiserver to refuse')
}

describe('namespace lifecycle', () => {
  it('a namespace with a running pod is Terminating until the pod is gone, then disappears', () => {
    const cluster = clusterWith(namespace('test'), pod('podintest', 'test'))
    cluster.delete(ns(cluster, 'test') as KubeObject)
    const terminating = ns(cluster, 'test')
    assert.equal(terminating?.status?.phase, 'Terminating')
    assert.equal(terminating?.metadata.deletionTimestamp, '2026-11-25T16:30:30Z')
    assert.deepEqual(terminating?.spec?.finalizers, ['kubernetes'])
    const p = cluster.store.find<Pod>('pods', 'test', 'podintest')
    assert.equal(p?.metadata.deletionTimestamp, '2026-11-25T16:31:00Z', 'the pod is deleted gracefully (30s grace)')
    cluster.advanceTo(later(35))
    assert.equal(cluster.store.find('pods', 'test', 'podintest'), undefined)
    assert.equal(ns(cluster, 'test'), undefined)
    assert.deepEqual(cluster.store.list('events', 'test'), [])
  })

  it('an empty namespace goes at once', () => {
    const cluster = clusterWith(namespace('empty'))
    cluster.delete(ns(cluster, 'empty') as KubeObject)
    assert.equal(ns(cluster, 'empty'), undefined)
  })

  it('services, endpoints and unbound pods are deleted at once; other namespaces are untouched', () => {
    const cluster = clusterWith(namespace('test'), service('thesvc', 'test'), pod('keep', 'default'))
    cluster.delete(ns(cluster, 'test') as KubeObject)
    assert.deepEqual(cluster.store.list('services', 'test'), [])
    assert.deepEqual(cluster.store.list('endpoints', 'test'), [])
    assert.equal(ns(cluster, 'test'), undefined)
    assert.ok(cluster.store.find('pods', 'default', 'keep'))
  })

  const REFUSALS = [
    {name: 'an immortal namespace', given: 'default', setup: () => clusterWith(), want: {reason: 'Forbidden', message: 'namespaces "default" is forbidden: this namespace may not be deleted'}},
    {name: 'a namespace already terminating', given: 'test', setup: () => {
      const c = clusterWith(namespace('test'), pod('p', 'test'))
      c.delete(ns(c, 'test') as KubeObject)
      return c
    }, want: {reason: 'Conflict', message: 'Operation cannot be fulfilled on namespaces "test": The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.'}},
  ]
  for (const c of REFUSALS) {
    it(`refuses to delete ${c.name}`, () => {
      const cluster = c.setup()
      const before = JSON.stringify(cluster.snapshot().objects)
      assert.deepEqual(rejection(() => cluster.delete(ns(cluster, c.given) as KubeObject)), c.want)
      assert.equal(JSON.stringify(cluster.snapshot().objects), before)
    })
  }

  it('refuses new content in a terminating namespace', () => {
    const cluster = clusterWith(namespace('test'), pod('p', 'test'))
    cluster.delete(ns(cluster, 'test') as KubeObject)
    assert.deepEqual(rejection(() => cluster.create(pod('q', 'test'))), {
      reason: 'Forbidden', message: 'pods "q" is forbidden: unable to create new content in namespace test because it is being terminated',
    })
  })

  it('knows the immortal namespaces of NamespaceLifecycle', () => {
    assert.deepEqual(IMMORTAL_NAMESPACES, ['default', 'kube-system', 'kube-public'])
  })
})
