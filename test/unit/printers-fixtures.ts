// Objects that exercise the -o json|yaml|name printers. The same objects were served by the kubectl
// oracle (dumped to JSON and loaded by a copy of its seed.py), and real kubectl v1.32's output for them
// is stored in test/golden/output/*.txt; the printer tests feed these objects to kbe's printers and
// compare with those files byte for byte. Timestamps and uids are pinned so the goldens are stable.
import type {KubeObject} from '../../src/api/types.js'

const meta = (name: string, rv: string, extra: Record<string, unknown> = {}) => ({
  name,
  namespace: 'default',
  uid: `00000000-0000-4000-8000-${rv.padStart(12, '0')}`,
  resourceVersion: rv,
  creationTimestamp: '2024-11-25T16:37:23Z',
  ...extra,
})

const configMap = (name: string, rv: string, fields: Record<string, unknown>, labels?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: meta(name, rv, labels ? {labels} : {}),
  ...fields,
})

/** Strings that must be double-quoted, single-quoted or can stay plain. */
const quoting: Record<string, string> = {
  int: '123', float: '0.9', exp: '1e3', hex: '0x1F', octo: '0o17', oct: '017', badoct: '08', under: '1_000',
  plus: '+1', minus: '-1', dotfive: '.5', onedot: '1.', hugeexp: '1e400', hexbig: '0xFFFFFFFFFFFFFFFFFF', bigdec: '1' + '0'.repeat(400), sexa: '12:30', sexa2: '1:20:30.5',
  notsexa: '10:99', dash: '-', plussign: '+', dot: '.', dots: '...', dashes: '---', dashesx: '---x', dotsx: '...x',
  y: 'y', Y: 'Y', yes: 'yes', Yes: 'Yes', YES: 'YES', yEs: 'yEs', n: 'n', no: 'No', true: 'true', True: 'True',
  TRUE: 'TRUE', tRUE: 'tRUE', false: 'false', off: 'off', On: 'On', ON: 'ON', oN: 'oN', null: 'null',
  Null: 'Null', NULL: 'NULL', tilde: '~', empty: '', nan: '.nan', inf: '.inf', minf: '-.inf', pinf: '+.inf',
  NaN: '.NaN', merge: '<<', infword: 'inf', nanword: 'nan',
  ts: '2024-11-25T16:37:23Z', date: '2024-11-25', shortdate: '2024-1-2', spacets: '2024-11-25 16:37:23',
  nanots: '2024-11-25T16:37:23.123456Z', lowert: '2024-11-25t16:37:23+01:00', badmonth: '2024-13-01',
  badday: '2024-02-30', badhour: '2024-11-25T25:00:00Z', tsoffset: '2024-11-25T16:37:23-05:30',
  hash: '#hash', star: '*star', amp: '&amp', bang: '!bang', pipe: '|pipe', gt: '>gt', sq: "'sq", dq: '"dq',
  pct: '%pct', at: '@at', bt: '`bt', comma: ',comma', lbr: '[br', rbr: ']br', lcb: '{br', rcb: '}br',
  q: '?q', qs: '? q', c: ':c', cs: ': c', dashword: '-dash', dashspace: '- dash', colonspace: 'a: b',
  spacehash: 'a #b', nospacehash: 'a#b', colon: 'a:b', trailcolon: 'a:', leading: ' leading',
  trailing: 'trailing ', apos: "it's", aposquoted: "key: it's", html: 'a<b&c>', ip: '10.96.0.1', list: 'a,b',
  port: '9876/TCP', brackets: 'a[0]{x}', question: 'what?', tabbed: 'tab\there', dquote: 'say "hi"',
  backslash: 'C:\\path', percent: '25%', version: '1.2.3', semver: 'v1.32.0', quantity: '100Mi', cpu: '250m',
}

/** Strings with line breaks: literal blocks, and the cases that force double quotes. */
const multiline: Record<string, string> = {
  two: 'a\nb', twonl: 'a\nb\n', blank: 'a\n\nb\n\n', leadnl: '\nleading', onlynl: '\n', indented: '  indented\nx',
  trailspace: 'trail \nx', lastspace: 'x\ny ', tabline: 'a\tb\nc', crlf: 'a\r\nb', spaceline: 'a\n  \nb',
  json: '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"s","namespace":"default"}}\n',
  script: '#!/bin/sh\necho "hello: world" # comment\nexit 0\n',
  longline: 'first line\n' + 'word '.repeat(30).trim() + '\nlast',
}

const words = (n: number, w = 'lorem') => Array.from({length: n}, (_, i) => `${w}${i}`).join(' ')

/** Long strings: go-yaml folds plain and quoted scalars once the line is past 80 columns. */
const folding: Record<string, string> = {
  plain: words(30),
  single: 'Image size: ' + words(25),
  double: 'tab\t' + words(25),
  pulled: 'Successfully pulled image "mhausenblas/simpleservice:0.5.0" in 3.913s (3.913s including waiting). Image size: 224716312 bytes.',
  doublespace: 'x'.repeat(78) + '  two  spaces  here  and  there',
  doubledq: '\t' + 'y'.repeat(80) + '  z  w',
  nospace: 'n'.repeat(120),
  url: 'https://example.com/' + 'a/'.repeat(50) + ' tail words here',
  unicode: 'é'.repeat(70) + ' ' + 'ü'.repeat(20) + ' end',
  ['k'.repeat(100)]: 'value of a long simple key ' + words(12),
  ['long-key-' + 'x'.repeat(125)]: 'complex key value',
}

/** Strings whose first space falls just before, at and after column 80 (plain, single- and double-quoted). */
const boundary: Record<string, string> = Object.fromEntries(
  Array.from({length: 9}, (_, i) => 72 + i).flatMap((n) => [
    [`p${n}`, `${'a'.repeat(n)} b ${'c'.repeat(10)} d`],
    [`s${n}`, `#${'a'.repeat(n)} b ${'c'.repeat(10)} d`],
    [`d${n}`, `\t${'a'.repeat(n)} b ${'c'.repeat(10)} d`],
    [`q${n}`, `'${'a'.repeat(n - 2)}' 'b' ${'c'.repeat(10)} d`],
  ]),
)

/** Keys: quoting of keys and go-yaml's natural key order (digits by value, non-letters first). */
const keys: Record<string, string> = Object.fromEntries(
  ['y', 'yes', '1', '01', 'true', '', 'a: b', '#k', 'item10', 'item9', 'a_b', 'aB', 'a-b', 'a.b', 'A', '_x', '0', '10',
    '9', 'x01', 'x1', 'x001', 'é', 'z', 'Z', 'a01b', 'a10', 'a2', 'a/b', 'a~b', 'hugepages-1Gi', 'hugepages-2Mi',
    'node.kubernetes.io/a', 'node-role.kubernetes.io/b', 'kubernetes.io/os', 'n0', 'n00', 'n000', 'n1', 'n001'].map((k) => [k, 'v']),
)

/** Characters outside printable ASCII and the JSON/HTML escapes. */
const unicode: Record<string, string> = {
  accent: 'héllo', cjk: '日本語', emoji: 'emoji 😀', nbsp: 'nbsp\u00a0x', ls: 'a\u2028b', ps: 'a\u2029b',
  ctrl: 'a\u0001b', bell: 'a\u0007b', esc: 'a\u001bb', bs: 'a\bb', ff: 'a\fb', vt: 'a\u000bb',
  nul: 'a\u0000b', bom: 'a\ufeffb', html: '<script>alert("x&y")</script>', fffe: 'a\ufffdb', private: 'a\ue000b',
  surrogate: 'a\ud7ffb', slash: 'a/b\\c', quote: 'say "hi"',
}

/** Numbers as kubectl's JSON and YAML round trips print them, and nested collections. */
const numbers = {
  ints: [0, 1, -1, 42, 9876, 2147483648, 9007199254740991],
  floats: [1.5, -0.25, 0.1, 0.0001, 0.00001, 1e-7, 1.5e-7, 123456.5, 1234567.5, 3.14159, 100.25],
  big: [1e20, 1e21, 1.5e300, 2 ** 63, 2 ** 64, 1e15, 1e16],
  bools: [true, false],
  nulls: [null, 'x', null],
  empty: {map: {}, list: [], nestedList: [[], [1, 2], [{}]], listOfMaps: [{a: 1, b: {}}, {c: [], d: null}]},
  deep: {a: {b: {c: [{d: [{e: 'f'}]}]}}},
}

/** Nesting: sequences in sequences, maps in sequences, long and multi-line scalars at depth, `? ` keys. */
const structure = {
  matrix: [[1, [2, 3]], [{a: [1]}], [], [[]], [{}]],
  items: [
    {msg: words(22), lines: 'one\ntwo\n', tags: ['- dash', '-', 'a: b', 'yes', '']},
    words(24),
    'one\ntwo',
    {nested: {deeper: {deepest: words(20, 'ipsum')}}},
  ],
  emojiLong: 'x'.repeat(75) + ' 😀 ' + words(12),
  ['-dash-key']: 'v',
  ['complex-map-' + 'k'.repeat(120)]: {a: 'b', c: ['d']},
  ['complex-list-' + 'k'.repeat(120)]: ['x', {y: 'z'}],
  ['complex-str-' + 'k'.repeat(120)]: words(25),
  ['multi\nline key']: 'v',
  ['multi\nline map key']: {a: 'b'},
}

const lastApplied =
  '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"app":"sise"},"name":"lastapplied","namespace":"default"},"spec":{"containers":[{"image":"mhausenblas/simpleservice:0.5.0","name":"sise","ports":[{"containerPort":9876}]}]}}\n'

const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta('lastapplied', '2001', {
    labels: {app: 'sise', 'pod-template-hash': '5d59d67564'},
    annotations: {'kubectl.kubernetes.io/last-applied-configuration': lastApplied},
  }),
  spec: {
    containers: [{
      name: 'sise', image: 'mhausenblas/simpleservice:0.5.0', imagePullPolicy: 'IfNotPresent',
      ports: [{containerPort: 9876, protocol: 'TCP'}], resources: {},
      env: [{name: 'SIMPLE_SERVICE_VERSION', value: '0.9'}, {name: 'ENABLED', value: 'true'}],
      terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File',
    }],
    dnsPolicy: 'ClusterFirst', enableServiceLinks: true, nodeName: 'minikube', restartPolicy: 'Always',
    schedulerName: 'default-scheduler', securityContext: {}, terminationGracePeriodSeconds: 30,
    tolerations: [{effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300}],
  },
  status: {
    phase: 'Running', podIP: '10.244.0.5', podIPs: [{ip: '10.244.0.5'}], qosClass: 'BestEffort',
    startTime: '2024-11-25T16:37:24Z',
    conditions: [{type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2024-11-25T16:37:26Z'}],
    containerStatuses: [{name: 'sise', ready: true, restartCount: 0, started: true, lastState: {},
      state: {running: {startedAt: '2024-11-25T16:37:25Z'}}, image: 'mhausenblas/simpleservice:0.5.0',
      imageID: 'docker-pullable://mhausenblas/simpleservice@sha256:5d8a0ab0e7ae1e1d1a4f6b7e0f2f3b9b8c0d6f0b3f8f6b1c5a1b2d3e4f5a6b7c',
      containerID: 'docker://8c0f8e1b5d2a4c6e8f0a2b4c6d8e0f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2d4e'}],
  },
}

const event: KubeObject = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: meta('lastapplied.17f0000000000009', '2002'),
  involvedObject: {apiVersion: 'v1', kind: 'Pod', name: 'lastapplied', namespace: 'default', uid: pod.metadata.uid,
    resourceVersion: '2001', fieldPath: 'spec.containers{sise}'},
  reason: 'Pulled',
  message: folding.pulled,
  source: {component: 'kubelet', host: 'minikube'},
  firstTimestamp: '2024-11-25T16:37:23Z', lastTimestamp: '2024-11-25T16:37:23Z', count: 1, type: 'Normal',
  eventTime: null, reportingComponent: 'kubelet', reportingInstance: 'minikube',
}

/** Every object served to the oracle, keyed by the golden case name. */
export const oracleObjects: Record<string, KubeObject> = {
  quoting: configMap('quoting', '1001', {data: quoting}),
  multiline: configMap('multiline', '1002', {data: multiline}),
  folding: configMap('folding', '1003', {data: folding}),
  keys: configMap('keys', '1004', {data: keys}),
  unicode: configMap('unicode', '1005', {data: unicode}),
  // go-yaml's reader rejects raw DEL and C1 controls and folds a raw NEL (encoding/json leaves them unescaped).
  'ctl-del': configMap('ctl-del', '1011', {data: {del: 'a\u007fb'}}),
  'ctl-c1': configMap('ctl-c1', '1012', {data: {c1: 'a\u0080b'}}),
  'ctl-nel': configMap('ctl-nel', '1013', {data: {nel: 'a\u0085b', nel2: 'a \u0085\u0085 b', nel3: '\u0085x'}}),
  numbers: configMap('numbers', '1006', {numbers}),
  structure: configMap('structure', '1014', {structure}),
  boundary: configMap('boundary', '1016', {data: boundary}),
  // go-yaml's key order is not transitive here (a1b < a2 < a10 < a1b), so kubectl's order may vary.
  'keys-cycle': configMap('keys-cycle', '1015', {data: {a1b: 'v', a2: 'v', a10: 'v', b: 'v'}}),
  'list-a': configMap('list-a', '1007', {data: {'y': 'true', a: 'b'}}, {list: 'yes'}),
  'list-b': configMap('list-b', '1008', {data: {}, binaryData: {}}, {list: 'yes'}),
  pod,
  event,
}

/** The oracle seed's own pods, reduced to the fields the jsonpath / custom-columns goldens read. */
export const seededPods: KubeObject[] = [
  ['rcsise-h7xqz', '10.244.0.5', {app: 'sise'}],
  ['sise-deploy-5d59d67564-7wl4m', '10.244.0.6', {app: 'sise', 'pod-template-hash': '5d59d67564'}],
  ['sise-deploy-5d59d67564-lqx8b', '10.244.0.7', {app: 'sise', 'pod-template-hash': '5d59d67564'}],
].map(([name, ip, labels]) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {name: name as string, namespace: 'default', labels: labels as Record<string, string>},
  spec: {containers: [{name: 'sise', ports: [{containerPort: 9876, protocol: 'TCP'}]}]},
  status: {podIP: ip as string},
}))

/** Returns name-only objects for `-o name` goldens: `[apiVersion, kind, name]` triples. */
const named = (triples: [string, string, string][]): KubeObject[] =>
  triples.map(([apiVersion, kind, name]) => ({apiVersion, kind, metadata: {name}}))

const pods = (...names: string[]) => names.map((n): [string, string, string] => ['v1', 'Pod', n])

/** What `kubectl get all -o name` listed from the oracle (pods, rc, services, deployments, replicasets). */
export const getAllObjects = named([
  ...pods('lastapplied', 'rcsise-h7xqz', 'sise-deploy-5d59d67564-7wl4m', 'sise-deploy-5d59d67564-lqx8b'),
  ['v1', 'ReplicationController', 'rcsise'],
  ...['kubernetes', 'lbsvc', 'nosel', 'npsvc', 'simpleservice'].map((n): [string, string, string] => ['v1', 'Service', n]),
  ['apps/v1', 'Deployment', 'sise-deploy'],
  ['apps/v1', 'ReplicaSet', 'sise-deploy-5d59d67564'],
])

/** What `kubectl get ep,endpointslices,events,cm,ns,nodes,leases -A -o name` listed from the oracle. */
export const mixedObjects = named([
  ...['kubernetes', 'npsvc', 'simpleservice'].map((n): [string, string, string] => ['v1', 'Endpoints', n]),
  ...['kubernetes', 'npsvc-8fz2k', 'simpleservice-4xq9w'].map((n): [string, string, string] => ['discovery.k8s.io/v1', 'EndpointSlice', n]),
  ...['lastapplied.17f0000000000009', ...[2, 3, 4, 5, 6].map((i) => `rcsise-h7xqz.17f000000000000${i}`), 'rcsise.17f0000000000001', 'sise-deploy.17f0000000000007']
    .map((n): [string, string, string] => ['v1', 'Event', n]),
  ...['ctl-c1', 'ctl-del', 'ctl-nel', 'folding', 'keys', 'list-a', 'list-b', 'multiline', 'numbers', 'quoting', 'unicode']
    .map((n): [string, string, string] => ['v1', 'ConfigMap', n]),
  ...['default', 'kube-node-lease', 'kube-public', 'kube-system'].map((n): [string, string, string] => ['v1', 'Namespace', n]),
  ['v1', 'Node', 'minikube'],
  ['coordination.k8s.io/v1', 'Lease', 'minikube'],
])
