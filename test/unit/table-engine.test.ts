// The table engine's layout rules, on small inline tables: sanitising, -L headers, kind prefixes,
// empty groups, group separation, NAMESPACE for namespaced kinds only, and order preservation.
import assert from 'node:assert/strict'
import type {KubeObject} from '../../src/api/types.js'
import {kindPrefix, labelColumnHeader, printTables, sanitizeCell} from '../../src/printers/table/engine.js'
import type {TableGroup, TableOptions} from '../../src/printers/table/engine.js'
import {at, makeNamespace, meta, seed} from './table-fixtures.js'

const options = (extra: Partial<TableOptions> = {}): TableOptions =>
  ({now: at(0), wide: false, noHeaders: false, showLabels: false, labelColumns: [], allNamespaces: false, showKind: false, ...extra})
const configMap = (name: string, extra: Partial<KubeObject['metadata']> = {}): KubeObject =>
  ({apiVersion: 'v1', kind: 'ConfigMap', metadata: {...meta(name, 0), ...extra}})
const group = (kind: string, objects: KubeObject[], namespaced = true, apiGroup = ''): TableGroup => ({kind, group: apiGroup, namespaced, objects})

describe('table engine helpers', () => {
  const sanitize: {given: string; want: string}[] = [
    {given: 'plain', want: 'plain'},
    {given: 'two\nlines', want: 'two...'},
    {given: 'cr\rhere', want: 'cr...'},
    {given: 'ff\fhere\nand', want: 'ff...'},
    {given: '\nleading', want: '...'},
    {given: 'esc \x1b[31mred', want: 'esc ^[[31mred'},
  ]
  for (const c of sanitize) it(`sanitizeCell(${JSON.stringify(c.given)})`, () => assert.equal(sanitizeCell(c.given), c.want))

  const headers: {given: string; want: string}[] = [
    {given: 'app', want: 'APP'},
    {given: 'pod-template-hash', want: 'POD-TEMPLATE-HASH'},
    {given: 'app.kubernetes.io/name', want: 'NAME'},
    {given: 'a/b/c', want: 'C'},
  ]
  for (const c of headers) it(`labelColumnHeader(${c.given})`, () => assert.equal(labelColumnHeader(c.given), c.want))

  const prefixes: {kind: string; group: string; want: string}[] = [
    {kind: 'Pod', group: '', want: 'pod'},
    {kind: 'ReplicationController', group: '', want: 'replicationcontroller'},
    {kind: 'Endpoints', group: '', want: 'endpoints'},
    {kind: 'Deployment', group: 'apps', want: 'deployment.apps'},
    {kind: 'ReplicaSet', group: 'apps', want: 'replicaset.apps'},
    {kind: 'Event', group: '', want: 'event'},
  ]
  for (const c of prefixes) it(`kindPrefix(${c.kind}, '${c.group}')`, () => assert.equal(kindPrefix(c.kind, c.group), c.want))
})

describe('printTables', () => {
  const cases: {name: string; groups: TableGroup[]; options: TableOptions; want: string}[] = [
    {name: 'no groups', groups: [], options: options(), want: ''},
    {name: 'only empty groups print nothing', groups: [group('Pod', []), group('Service', [])], options: options(), want: ''},
    {
      name: 'minimum width 6 and padding 3',
      groups: [group('Namespace', [makeNamespace('a', 0)], false)],
      options: options(),
      want: 'NAME   STATUS   AGE\na      Active   0s\n',
    },
    {
      name: 'objects keep the given order',
      groups: [group('ConfigMap', [configMap('zz'), configMap('aa')])],
      options: options({noHeaders: true}),
      want: 'zz    2025-03-01T12:00:00Z\naa    2025-03-01T12:00:00Z\n',
    },
    {
      name: 'one blank line between printed groups, none for an empty group in between',
      groups: [group('ConfigMap', [configMap('a')]), group('Secret', []), group('ServiceAccount', [configMap('b')])],
      options: options(),
      want: 'NAME   CREATED AT\na      2025-03-01T12:00:00Z\n\nNAME   CREATED AT\nb      2025-03-01T12:00:00Z\n',
    },
    {
      name: 'no separator without headers',
      groups: [group('ConfigMap', [configMap('a')]), group('Secret', [configMap('b')])],
      options: options({noHeaders: true}),
      want: 'a     2025-03-01T12:00:00Z\nb     2025-03-01T12:00:00Z\n',
    },
    {
      name: 'no NAMESPACE for a cluster-scoped group that comes first',
      groups: [group('Namespace', [makeNamespace('default', 0)], false), group('ConfigMap', [configMap('a', {namespace: 'kube-system'})])],
      options: options({allNamespaces: true, showKind: true}),
      want: 'NAME                STATUS   AGE\nnamespace/default   Active   0s\n\nNAMESPACE     NAME          CREATED AT\nkube-system   configmap/a   2025-03-01T12:00:00Z\n',
    },
    {
      name: 'NAMESPACE sticks to cluster-scoped groups after a namespaced one, even an empty one',
      groups: [group('ConfigMap', []), group('Namespace', [makeNamespace('default', 0)], false)],
      options: options({allNamespaces: true}),
      want: 'NAMESPACE   NAME      STATUS   AGE\n            default   Active   0s\n',
    },
    {
      name: 'no NAMESPACE without -A',
      groups: [group('ConfigMap', [configMap('a')])],
      options: options(),
      want: 'NAME   CREATED AT\na      2025-03-01T12:00:00Z\n',
    },
    {
      name: 'show-kind prefixes the name column only',
      groups: [group('Deployment', [seed.deployment], true, 'apps')],
      options: options({showKind: true, now: at(16)}),
      want: 'NAME                          READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/sise-deploy   2/2     2            2           5m16s\n',
    },
    {
      name: '-L columns after wide columns, LABELS last',
      groups: [group('ConfigMap', [configMap('a', {labels: {app: 'x', tier: 'web'}})])],
      options: options({labelColumns: ['tier', 'missing'], showLabels: true}),
      want: 'NAME   CREATED AT             TIER   MISSING   LABELS\na      2025-03-01T12:00:00Z   web              app=x,tier=web\n',
    },
    {
      name: 'label values are sanitised like any cell',
      groups: [group('ConfigMap', [configMap('a', {labels: {note: 'one\ntwo'}})])],
      options: options({labelColumns: ['note']}),
      want: 'NAME   CREATED AT             NOTE\na      2025-03-01T12:00:00Z   one...\n',
    },
  ]
  for (const c of cases) it(c.name, () => assert.equal(printTables(c.groups, c.options), c.want))
})
