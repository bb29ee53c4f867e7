// Address ranges filled to the last address, then one more. The pod range (172.17.0.0/16, 65,533 pod
// addresses after the bridge gateway) and the service range (172.30.0.0/16) are filled in-process by
// holding every address but one — pod addresses through kubelet bookkeeping entries, service VIPs
// through Service objects — then the last free address must be handed out, and the next pod must get
// kubelet's FailedCreatePodSandBox event while the next Service gets the apiserver's InternalError.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import {StatusError} from '../../src/api/errors.js'
import type {Event, KubeObject, Pod, Service} from '../../src/api/types.js'
import {Cluster} from '../../src/cluster/cluster.js'
import {saveState} from '../../src/io/state-file.js'
import {formatIPv4, parseIPv4} from '../../src/net/ipam.js'
import {runKbe, tempHome} from '../helpers/kbe.js'

const T0 = new Date('2026-11-25T16:00:00Z')
const pod = (name: string): KubeObject => ({apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace: 'default'}, spec: {containers: [{name: 'c', image: 'nginx'}]}} as unknown as KubeObject)
const service = (name: string): KubeObject => ({apiVersion: 'v1', kind: 'Service', metadata: {name, namespace: 'default'}, spec: {ports: [{port: 80}]}} as unknown as KubeObject)

describe('reliability: address ranges filled up', function () {
  this.timeout(120_000)

  it('pods: the last address is used, then FailedCreatePodSandBox', () => {
    const cluster = Cluster.bootstrap(T0, 5)
    const used = cluster.podIPsInUse()
    const last = parseIPv4('172.17.255.254') as number
    let n = 0
    for (let ip = parseIPv4('172.17.0.2') as number; ip < last; ip++) {
      const text = formatIPv4(ip)
      if (!used.has(text)) cluster.state.runtime[`filler-${n++}`] = {namespace: 'filler', name: `f${n}`, ip: text, steps: []}
    }
    cluster.create(pod('last'))
    cluster.advanceTo(new Date(T0.getTime() + 30_000))
    cluster.create(pod('one-more'))
    cluster.advanceTo(new Date(T0.getTime() + 60_000))
    assert.equal(cluster.store.find<Pod>('pods', 'default', 'last')?.status?.podIP, '172.17.255.254')
    const failed = cluster.store.find<Pod>('pods', 'default', 'one-more')
    assert.equal(failed?.status?.podIP, undefined)
    assert.equal(failed?.status?.phase, 'Pending')
    const events = cluster.store.list<Event>('events', 'default').filter((e) => e.involvedObject.name === 'one-more' && e.reason === 'FailedCreatePodSandBox')
    assert.equal(events.length, 1)
    assert.equal(events[0].message, 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to set up pod network: failed to allocate for range 0: no IP addresses available in range set: 172.17.0.1-172.17.255.254')
  })

  it('services: the last VIP is used, then the range-full InternalError (in-process and through the bin)', async () => {
    const cluster = Cluster.bootstrap(T0, 6)
    const used = cluster.serviceIPsInUse()
    const spare = '172.30.128.77'
    for (let ip = parseIPv4('172.30.0.1') as number; ip <= (parseIPv4('172.30.255.254') as number); ip++) {
      const text = formatIPv4(ip)
      if (used.has(text) || text === spare) continue
      cluster.store.create({apiVersion: 'v1', kind: 'Service', metadata: {name: `f-${ip}`, namespace: 'filler'}, spec: {clusterIP: text, clusterIPs: [text]}} as unknown as KubeObject)
    }
    const lastOne = cluster.create(service('last')) as Service
    assert.equal(lastOne.spec.clusterIP, spare)
    assert.throws(() => cluster.create(service('one-more')), (e: unknown) =>
      e instanceof StatusError && e.message === 'Internal error occurred: failed to allocate a serviceIP: range is full')
    const home = tempHome('kbe-rel-ip-')
    try {
      saveState(home, cluster.snapshot())
      const yaml = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: again\nspec:\n  ports:\n  - port: 80\n'
      const r = await runKbe(['create', '-f', '-'], {home, now: '2026-11-25T16:01:00Z', stdin: yaml})
      assert.equal(r.stderr, 'Error from server (InternalError): error when creating "STDIN": Internal error occurred: failed to allocate a serviceIP: range is full\n')
      assert.equal(r.code, 1)
    } finally {
      fs.rmSync(home, {recursive: true, force: true})
    }
  })
})
