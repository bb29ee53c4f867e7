// Table-driven tests of the describe building blocks: quantities, RFC1123Z times, the shared sections
// (labels, annotations, tolerations, taints, events), joining, the service Endpoints cell, probes and
// QoS classes. Whole-output checks live in describe.test.ts.
import assert from 'node:assert/strict'
import type {Event, Pod} from '../../src/api/types.js'
import {describeProbe} from '../../src/printers/describe/containers.js'
import {computeQOSClass, describePod} from '../../src/printers/describe/pod.js'
import {addQuantities, formatQuantity, parseQuantity, quantityOf, ZERO_QUANTITY} from '../../src/printers/describe/quantity.js'
import {formatServiceEndpoints} from '../../src/printers/describe/service.js'
import {formatTime, joinDescriptions, joinPrefixMatchDescriptions, PrefixWriter, writeAnnotations, writeEvents, writeTaints, writeTolerations} from '../../src/printers/describe/writer.js'
import {makeEvent, makePod, ts} from './describe-fixtures.js'

const NOW = new Date('2026-11-25T16:35:55Z')

function render(fn: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter()
  fn(w)
  return w.toString()
}

describe('describe quantities', () => {
  const cases = [
    {given: '0.5', want: '500m'}, {given: '1000m', want: '1'}, {given: '250m', want: '250m'}, {given: '1.5', want: '1500m'},
    {given: '2000', want: '2k'}, {given: '1500', want: '1500'}, {given: '0', want: '0'}, {given: '1024Mi', want: '1Gi'},
    {given: '1536Mi', want: '1536Mi'}, {given: '8129736Ki', want: '8129736Ki'}, {given: '512', want: '512'}, {given: '12e6', want: '12e6'},
    {given: '1Gi', want: '1Gi'}, {given: '100M', want: '100M'},
  ]
  for (const {given, want} of cases) it(`${given} prints as ${want}`, () => assert.equal(formatQuantity(quantityOf(given)), want))
  it('rejects text that is not a quantity', () => assert.equal(parseQuantity('abc'), undefined))
  const sums = [
    {given: ['100m', '1'], want: '1100m'}, {given: ['128Mi', '64Mi'], want: '192Mi'}, {given: ['64Mi', '32Mi'], want: '96Mi'},
  ]
  for (const {given, want} of sums) it(`${given.join(' + ')} = ${want}`, () => assert.equal(formatQuantity(addQuantities(quantityOf(given[0]), quantityOf(given[1]))), want))
  it('a zero sum adopts the format of what is added', () => assert.equal(formatQuantity(addQuantities(ZERO_QUANTITY, quantityOf('2048Ki'))), '2Mi'))
})

describe('describe times', () => {
  const cases = [
    {given: '2026-11-25T16:33:48Z', want: 'Wed, 25 Nov 2026 16:33:48 +0000'},
    {given: '2026-01-04T03:02:01.123456Z', want: 'Sun, 04 Jan 2026 03:02:01 +0000'},
    {given: undefined, want: 'Mon, 01 Jan 0001 00:00:00 +0000'},
  ]
  for (const {given, want} of cases) it(`formats ${given}`, () => assert.equal(formatTime(given), want))
})

describe('describe shared sections', () => {
  const cases: {name: string; given: (w: PrefixWriter) => void; want: string}[] = [
    {name: 'no tolerations', given: (w) => writeTolerations(w, 'Tolerations', []), want: 'Tolerations:  <none>\n'},
    {name: 'tolerations sorted by key', given: (w) => writeTolerations(w, 'Tolerations', [
      {key: 'b', operator: 'Equal', value: 'v', effect: 'NoSchedule'}, {operator: 'Exists'}, {key: 'a', operator: 'Exists', tolerationSeconds: 60}]),
    want: 'Tolerations:  op=Exists\n              a op=Exists for 60s\n              b=v:NoSchedule\n'},
    {name: 'taints sorted by effect then key', given: (w) => writeTaints(w, 'Taints', [{key: 'z', effect: 'NoExecute'}, {key: 'a', value: '1', effect: 'NoSchedule'}]),
      want: 'Taints:  z:NoExecute\n         a=1:NoSchedule\n'},
    {name: 'annotations skip last-applied and sort', given: (w) => writeAnnotations(w, 'Annotations', {'kubectl.kubernetes.io/last-applied-configuration': '{}', b: '2', a: '1'}),
      want: 'Annotations:  a: 1\n              b: 2\n'},
    {name: 'no events', given: (w) => writeEvents(w, [], NOW), want: 'Events:  <none>\n'},
  ]
  for (const c of cases) it(c.name, () => assert.equal(render(c.given), c.want))

  it('prints repeated events as `<last> (xN over <first>)`, sorted by last timestamp', () => {
    const pod = makePod(NOW, 'p', 300)
    const events: Event[] = [
      makeEvent(NOW, pod, 'BackOff', 'Back-off restarting failed container', 'kubelet', 120, {type: 'Warning', count: 5, lastAgo: 3}),
      makeEvent(NOW, pod, 'Pulled', 'Container image "x" already present on machine', 'kubelet', 130),
    ]
    assert.equal(render((w) => writeEvents(w, events, NOW)), [
      'Events:',
      '  Type     Reason   Age              From     Message',
      '  ----     ------   ----             ----     -------',
      '  Normal   Pulled   2m10s            kubelet  Container image "x" already present on machine',
      '  Warning  BackOff  3s (x5 over 2m)  kubelet  Back-off restarting failed container',
      ''].join('\n'))
  })
})

describe('joining several descriptions', () => {
  it('separates objects by two blank lines', () => assert.equal(joinDescriptions(['A:  1\n', 'B:  2\n']), 'A:  1\n\n\nB:  2\n'))
  it('follows each prefix-matched object by one blank line', () => assert.equal(joinPrefixMatchDescriptions(['A:  1\n', 'B:  2\n']), 'A:  1\n\nB:  2\n\n'))
})

describe('service Endpoints cell', () => {
  const addresses = (n: number) => Array.from({length: n}, (_, i) => ({ip: `10.0.0.${i + 1}`}))
  const cases = [
    {name: 'no slices', given: {hasEndpointSlices: false}, port: '', want: '<none>'},
    {name: 'slices without endpoints', given: {hasEndpointSlices: true}, port: '', want: ''},
    {name: 'one ready', given: {hasEndpointSlices: true, endpoints: ep([{addresses: addresses(1), ports: [{port: 80}]}])}, port: '', want: '10.0.0.1:80'},
    {name: 'more than three', given: {hasEndpointSlices: true, endpoints: ep([{addresses: addresses(5), ports: [{port: 80}]}])}, port: '', want: '10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...'},
    {name: 'only not-ready', given: {hasEndpointSlices: true, endpoints: ep([{notReadyAddresses: addresses(2), ports: [{port: 80}]}])}, port: '', want: ''},
    {name: 'other port name', given: {hasEndpointSlices: true, endpoints: ep([{addresses: addresses(1), ports: [{name: 'http', port: 80}]}])}, port: 'dns', want: ''},
  ]
  for (const c of cases) it(c.name, () => assert.equal(formatServiceEndpoints(c.given, c.port), c.want))
})

function ep(subsets: NonNullable<import('../../src/api/types.js').Endpoints['subsets']>) {
  return {apiVersion: 'v1', kind: 'Endpoints' as const, metadata: {name: 'svc'}, subsets}
}

describe('probes', () => {
  const cases = [
    {name: 'http with scheme', given: {httpGet: {path: '/health', port: 9876, scheme: 'HTTP'}, initialDelaySeconds: 2, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3},
      want: 'http-get http://:9876/health delay=2s timeout=1s period=5s #success=1 #failure=3'},
    {name: 'http with host and relative path', given: {httpGet: {host: 'example.com', path: 'ready', port: 'http', scheme: 'HTTPS'}},
      want: 'http-get https://example.com:http/ready delay=0s timeout=0s period=0s #success=0 #failure=0'},
    {name: 'tcp socket', given: {tcpSocket: {port: 5432}, periodSeconds: 10}, want: 'tcp-socket :5432 delay=0s timeout=0s period=10s #success=0 #failure=0'},
    {name: 'exec', given: {exec: {command: ['cat', '/tmp/ok']}}, want: 'exec [cat /tmp/ok] delay=0s timeout=0s period=0s #success=0 #failure=0'},
  ]
  for (const c of cases) it(c.name, () => assert.equal(describeProbe(c.given), c.want))
})

describe('QoS class when status.qosClass is unset', () => {
  const withResources = (resources: Pod['spec']['containers'][0]['resources']): Pod => makePod(NOW, 'q', 10, (p) => (p.spec.containers[0].resources = resources))
  const cases = [
    {name: 'no resources', given: withResources({}), want: 'BestEffort'},
    {name: 'requests only', given: withResources({requests: {cpu: '100m'}}), want: 'Burstable'},
    {name: 'limits equal requests', given: withResources({limits: {cpu: '1', memory: '1Gi'}, requests: {cpu: '1000m', memory: '1024Mi'}}), want: 'Guaranteed'},
    {name: 'cpu limit only', given: withResources({limits: {cpu: '1'}, requests: {cpu: '1'}}), want: 'Burstable'},
  ]
  for (const c of cases) it(c.name, () => assert.equal(computeQOSClass(c.given), c.want))
})

describe('terminating pod status', () => {
  it('shows how long the deletion timestamp has passed and the grace period', () => {
    const pod = makePod(NOW, 'old', 600, (p) => {
      p.metadata.deletionTimestamp = ts(NOW, 5)
      p.metadata.deletionGracePeriodSeconds = 30
    })
    const lines = describePod(pod, {events: []}, {now: NOW}).split('\n')
    assert.deepEqual(lines.slice(8, 10), ['Status:                    Terminating (lasts 5s)', 'Termination Grace Period:  30s'])
  })
})
