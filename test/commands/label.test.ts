// `kbe label`: kubectl's messages and errors, checked against the real kubectl v1.32 (oracle) — pods,
// nodes and namespaces, add / overwrite / remove, selectors and --all — plus the argument parsing helpers.
// Every failing case asserts the exact stderr, exit 1 and an unchanged state file.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import {applyLabelChanges, labelChangeMessage, parseLabelChanges, splitLabelArgs} from '../../src/cli/label.js'
import {itRejects} from '../helpers/bad-input.js'
import {runKbe, tempHome} from '../helpers/kbe.js'

const NOW = '2026-11-25T16:30:00Z'
const SPECS = 'https://raw.githubusercontent.com/mhausenblas/kbe/master/specs'
const VALUE_RULE = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

interface Step {
  args: string[]
  stdout?: string
  stderr?: string
  code?: number
}

/** Run in order against one cluster holding labelex (env=development) and labelexother. */
const STEPS: Step[] = [
  {args: ['label', 'pods', 'labelex', 'owner=michael'], stdout: 'pod/labelex labeled\n'},
  {args: ['label', 'pods', 'labelex', 'owner=michael'], stdout: 'pod/labelex not labeled\n'},
  {args: ['label', 'pods', 'labelex', 'owner=bob'], stderr: "error: 'owner' already has a value (michael), and --overwrite is false\n", code: 1},
  {args: ['label', 'pods', 'labelex', 'owner=bob', '--overwrite'], stdout: 'pod/labelex labeled\n'},
  {args: ['label', 'pods', 'labelex', 'owner-'], stdout: 'pod/labelex unlabeled\n'},
  {args: ['label', 'pods', 'labelex', 'owner-'], stdout: 'label "owner" not found.\npod/labelex not labeled\n'},
  {args: ['label', 'pods', 'labelex', 'k3-', 'k3-'], stdout: 'label "k3" not found.\nlabel "k3" not found.\npod/labelex not labeled\n'},
  {args: ['label', 'pods', 'labelex', 'zz=1'], stdout: 'pod/labelex labeled\n'},
  {args: ['label', 'pods', 'labelex', 'zz-', '--overwrite'], stdout: 'pod/labelex labeled\n'},
  {args: ['label', 'pods', 'labelex', 'longlonglong=1'], stdout: 'pod/labelex labeled\n'},
  {args: ['label', 'pods', 'labelex', 'longlonglong-', 's=2'], stdout: 'pod/labelex unlabeled\n'},
  {args: ['label', 'pod/labelex', 'k2=v2', '-o', 'name'], stdout: 'pod/labelex\n'},
  // The printer is resolved after the patch: the label is set, then the format is refused.
  {args: ['label', 'pods', 'labelex', 'k8=v', '-o', 'wide'], stderr: 'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n', code: 1},
  {args: ['label', 'pods', '-l', 'env=production', 'tier=web'], stdout: 'pod/labelexother labeled\n'},
  {args: ['label', 'pods', '--all', 'tier=web'], stdout: 'pod/labelex labeled\npod/labelexother not labeled\n'},
  {args: ['label', 'pods', '-l', 'app=nomatch', 'k5=v'], stdout: ''},
  {args: ['label', 'pods', 'labelex', 'nope2', 'k3=v3'], stdout: 'pod/labelex labeled\n', stderr: 'Error from server (NotFound): pods "nope2" not found\n', code: 1},
  {args: ['label', 'pods', 'labelex', 'nope2', 'nope3', 'k3=v9'], stderr: "'k3' already has a value (v3), and --overwrite is false\nError from server (NotFound): pods \"nope2\" not found\nError from server (NotFound): pods \"nope3\" not found\n", code: 1},
  {args: ['label', 'nodes', 'minikube', 'shouldrun=here'], stdout: 'node/minikube labeled\n'},
  {args: ['label', 'no/minikube', 'shouldrun-'], stdout: 'node/minikube unlabeled\n'},
  {args: ['label', 'ns', 'default', 'a=b'], stdout: 'namespace/default labeled\n'},
  {args: ['label', 'ns', 'nope', 'a=b'], stderr: 'Error from server (NotFound): namespaces "nope" not found\n', code: 1},
  {args: ['label', 'pods', 'labelex', 'q=w', '-n', 'kube-system'], stderr: 'Error from server (NotFound): pods "labelex" not found\n', code: 1},
]

/** Rejected before anything changes: exact stderr, exit 1, state file untouched. */
const BAD: Step[] = [
  {args: ['label'], stderr: 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n'},
  {args: ['label', 'pods'], stderr: 'error: at least one label update is required\n'},
  {args: ['label', 'pods', 'labelex'], stderr: 'error: at least one label update is required\n'},
  {args: ['label', 'pods', 'labelex', 'k'], stderr: 'error: at least one label update is required\n'},
  {args: ['label', 'pods', 'labelex', '=v'], stderr: 'error: at least one label update is required\n'},
  {args: ['label', 'pods', 'labelex', 'k=bad value'], stderr: `error: invalid label value: "k=bad value": ${VALUE_RULE}\n`},
  {args: ['label', 'pods', 'labelex', 'k=-bad'], stderr: `error: invalid label value: "k=-bad": ${VALUE_RULE}\n`},
  {args: ['label', 'pods', 'labelex', 'k=v-'], stderr: `error: invalid label value: "k=v-": ${VALUE_RULE}\n`},
  {args: ['label', 'pods', 'labelex', 'k=a=b'], stderr: 'error: invalid label spec: k=a=b\n'},
  {args: ['label', 'pods', 'labelex', 'k4=v4', 'k4-'], stderr: 'error: can not both modify and remove a label in the same command\n'},
  {args: ['label', 'pods', 'labelex', 'k3=v3', 'nope2'], stderr: 'error: all resources must be specified before label changes: nope2\n'},
  {args: ['label', 'pods', 'k=v'], stderr: 'error: resource(s) were provided, but no name was specified\n'},
  {args: ['label', 'pods', '--all', '-l', 'app=sise', 'k=v'], stderr: 'error: cannot set --all and --selector at the same time\n'},
  {args: ['label', 'pods', 'labelex', '-l', 'app=sise', 'k=v'], stderr: 'error: name cannot be provided when a selector is specified\n'},
  {args: ['label', 'foo', 'x', 'k=v'], stderr: 'error: the server doesn\'t have a resource type "foo"\n'},
  {args: ['label', 'pods', 'nope', 'k=v'], stderr: 'Error from server (NotFound): pods "nope" not found\n'},
  {args: ['label', 'pods', 'labelex', 'env=production'], stderr: "error: 'env' already has a value (development), and --overwrite is false\n"},
  // The key is checked by the apiserver (kubectl sends it as is): metadata.labels validation.
  {args: ['label', 'pods', 'labelex', 'Bad Key=x'], stderr: 'The Pod "labelex" is invalid: metadata.labels: Invalid value: "Bad Key": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\')\n'},
]

describe('kbe label', function () {
  this.timeout(60_000)
  let home: string
  before(async () => {
    home = tempHome()
    for (const spec of ['pod.yaml', 'anotherpod.yaml']) {
      const r = await runKbe(['create', '-f', `${SPECS}/labels/${spec}`], {home, now: NOW, seed: 3})
      assert.equal(r.code, 0, r.stderr)
    }
  })
  after(() => fs.rmSync(home, {recursive: true, force: true}))

  it('prints kubectl\'s messages, in order', async () => {
    for (const step of STEPS) {
      const r = await runKbe(step.args, {home, now: NOW, seed: 3})
      assert.deepEqual({stdout: r.stdout, stderr: r.stderr, code: r.code}, {stdout: step.stdout ?? '', stderr: step.stderr ?? '', code: step.code ?? 0}, step.args.join(' '))
    }
    const r = await runKbe(['get', 'pods', '--show-labels'], {home, now: NOW, seed: 3})
    assert.equal(r.stdout, `NAME           READY   STATUS              RESTARTS   AGE   LABELS
labelex        0/1     ContainerCreating   0          0s    env=development,k2=v2,k3=v3,k8=v,s=2,tier=web
labelexother   0/1     ContainerCreating   0          0s    env=production,owner=michael,tier=web
`)
  })

  for (const c of BAD) itRejects({args: c.args, stderr: c.stderr ?? ''}, () => ({home, now: NOW, seed: 3}))
})

describe('label arguments', () => {
  const SPLITS = [
    {name: 'resources then changes', given: ['pods', 'x', 'a=b', 'c-'], want: {resources: ['pods', 'x'], pairs: ['a=b', 'c-']}},
    {name: 'a leading = is a resource', given: ['pods', 'x', '=v'], want: {resources: ['pods', 'x', '=v'], pairs: []}},
    {name: 'a lone - is a resource', given: ['pods', '-'], want: {resources: ['pods', '-'], pairs: []}},
    {name: 'an empty value is a change', given: ['pods', 'x', 'k='], want: {resources: ['pods', 'x'], pairs: ['k=']}},
  ]
  for (const c of SPLITS) it(`splits: ${c.name}`, () => assert.deepEqual(splitLabelArgs(c.given), c.want))

  it('parses additions and removals', () => {
    assert.deepEqual(parseLabelChanges(['a=1', 'b=', 'c-', 'a=2']), {add: {a: '2', b: ''}, remove: ['c']})
  })

  it('applies changes, reporting missing keys', () => {
    assert.deepEqual(applyLabelChanges({a: '1', b: '2'}, {add: {a: '1', c: '3'}, remove: ['b', 'x']}, false), {labels: {a: '1', c: '3'}, missing: ['x']})
  })

  const MESSAGES: {name: string; before: Record<string, string>; after: Record<string, string>; overwrite: boolean; want: string}[] = [
    {name: 'nothing changed', before: {a: '1'}, after: {a: '1'}, overwrite: false, want: 'not labeled'},
    {name: 'a label added', before: {a: '1'}, after: {a: '1', b: '2'}, overwrite: false, want: 'labeled'},
    {name: 'a label removed', before: {a: '1'}, after: {}, overwrite: false, want: 'unlabeled'},
    {name: 'a label removed with --overwrite', before: {a: '1', b: '2'}, after: {a: '1'}, overwrite: true, want: 'labeled'},
    {name: 'a long label swapped for a short one', before: {longlonglong: '1'}, after: {s: '2'}, overwrite: false, want: 'unlabeled'},
  ]
  for (const c of MESSAGES) it(`says: ${c.name}`, () => assert.equal(labelChangeMessage(c.before, c.after, c.overwrite), c.want))
})
