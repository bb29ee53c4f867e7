// Unit tests of -o dispatch (resolvePrinter) and the name printer.
import assert from 'node:assert/strict'
import {CliError} from '../../src/api/errors.js'
import {groupOf, printName} from '../../src/printers/name.js'
import {printTarget, resolvePrinter} from '../../src/printers/resolve.js'

const pod = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'x'}}
const deploy = {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'd'}}

describe('resolvePrinter', () => {
  const tables: [string, boolean][] = [['', false], ['wide', true]]
  for (const [output, wide] of tables) it(`"${output}" is the table printer`, () => assert.deepEqual(resolvePrinter(output), {family: 'table', wide}))

  const claimed = ['json', 'yaml', 'name', 'JSON', 'Yaml', 'jsonpath={.a}', 'jsonpath-as-json={.a}', 'custom-columns=A:.a']
  for (const output of claimed) it(`claims ${output}`, () => assert.equal(resolvePrinter(output).family, 'output'))

  const errors: [string, string][] = [
    ['foo', 'unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml'],
    ['json=x', 'unable to match a printer suitable for the output format "json=x", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml'],
    ['jsonpath', 'template format specified but no template given'],
    ['jsonpath=', 'template format specified but no template given'],
    ['custom-columns', 'custom-columns format specified but no custom columns given'],
    ['custom-columns=A', 'unexpected custom-columns spec: A, expected <header>:<json-path-expr>'],
  ]
  for (const [output, message] of errors) {
    it(`rejects ${output}`, () => assert.throws(() => resolvePrinter(output), (err: unknown) => err instanceof CliError && err.message === message))
  }

  it('prints a single named object bare and everything else as a List', () => {
    assert.equal(printTarget([pod], {singleItemImplied: true}), pod)
    assert.deepEqual(printTarget([pod]), {apiVersion: 'v1', items: [pod], kind: 'List', metadata: {resourceVersion: ''}})
    assert.deepEqual(printTarget([pod, deploy], {singleItemImplied: true}), {apiVersion: 'v1', items: [pod, deploy], kind: 'List', metadata: {resourceVersion: ''}})
  })

  it('passes the operation word to -o name', () => {
    const printer = resolvePrinter('name')
    assert.equal(printer.family === 'output' && printer.print([deploy], {operation: 'scaled'}), 'deployment.apps/d scaled\n')
  })
})

describe('printName', () => {
  const cases: {name: string; given: object[]; operation?: string; want: string}[] = [
    {name: 'core kind', given: [pod], want: 'pod/x\n'},
    {name: 'grouped kind', given: [deploy], want: 'deployment.apps/d\n'},
    {name: 'operation word', given: [pod, deploy], operation: 'created', want: 'pod/x created\ndeployment.apps/d created\n'},
    {name: 'dotted group', given: [{apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: {name: 'e'}}], want: 'endpointslice.discovery.k8s.io/e\n'},
    {name: 'no name', given: [{apiVersion: 'v1', kind: 'Pod', metadata: {}}], want: 'pod/<unknown>\n'},
    {name: 'nothing at all', given: [], want: ''},
  ]
  for (const c of cases) it(c.name, () => assert.equal(printName(c.given, {operation: c.operation}), c.want))

  it('takes the group from apiVersion', () => {
    assert.deepEqual(['v1', 'apps/v1', 'coordination.k8s.io/v1', undefined].map(groupOf), ['', 'apps', 'coordination.k8s.io', ''])
  })
})
