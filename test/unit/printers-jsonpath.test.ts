// Unit tests of the jsonpath engine behind `-o jsonpath=` and `-o custom-columns=` (client-go semantics
// with AllowMissingKeys). Whole outputs are checked against real kubectl in printers-golden.test.ts.
import assert from 'node:assert/strict'
import {CliError} from '../../src/api/errors.js'
import {relaxedJsonPathExpression} from '../../src/printers/custom-columns.js'
import {formatGoValue, parseTemplate, printJsonPath} from '../../src/printers/jsonpath/print.js'

const data = {
  kind: 'List',
  items: [
    {metadata: {name: 'a', labels: {app: 'x'}}, spec: {replicas: 2}, status: {ok: true}},
    {metadata: {name: 'b'}, spec: {replicas: 0, ratio: 0.5}, status: {ok: null}},
  ],
}
const run = (template: string, value: unknown = data) => printJsonPath(parseTemplate(template), value)

describe('jsonpath', () => {
  const cases: {name: string; given: string; want: string}[] = [
    {name: 'literal text only', given: 'hello', want: 'hello'},
    {name: 'wildcard joined by spaces', given: '{.items[*].metadata.name}', want: 'a b'},
    {name: 'missing keys print nothing', given: 'x{.items[*].metadata.labels.app}y', want: 'xxy'},
    {name: 'last element', given: '{.items[-1].metadata.name}', want: 'b'},
    {name: 'maps as compact JSON', given: '{.items[0].metadata.labels}', want: '{"app":"x"}'},
    {name: 'null, bool and float', given: '{.items[*].status.ok} {.items[1].spec.ratio}', want: 'true null 0.5'},
    {name: 'range with text after end', given: '{range .items[*]}{.metadata.name};{end}{.kind}', want: 'a;b;List'},
    {name: 'filter by number', given: '{.items[?(@.spec.replicas>1)].metadata.name}', want: 'a'},
    {name: 'filter by existence', given: '{.items[?(@.metadata.labels)].metadata.name}', want: 'a'},
    {name: 'quoted escapes', given: '{"a\\tb\\n"}', want: 'a\tb\n'},
    {name: 'union of keys', given: "{.items[0].metadata['name','labels']}", want: 'a {"app":"x"}'},
    {name: 'recursive descent', given: '{..name}', want: 'a b'},
  ]
  for (const c of cases) it(c.name, () => assert.equal(run(c.given), c.want))

  const parseErrors: [string, string][] = [
    ['{.items[*', 'error parsing jsonpath {.items[*, unterminated array\n'],
    ['{.a', 'error parsing jsonpath {.a, unclosed action\n'],
    ['{.a{', "error parsing jsonpath {.a{, unrecognized character in action: U+007B '{'\n"],
    ['{....a}', 'error parsing jsonpath {....a}, invalid multiple recursive descent\n'],
    ['{.a[x]}', 'error parsing jsonpath {.a[x]}, invalid array index x\n'],
  ]
  for (const [template, message] of parseErrors) {
    it(`rejects ${template}`, () => assert.throws(() => parseTemplate(template), (err: unknown) => err instanceof CliError && err.message === message))
  }

  it('refuses to compare an int with a float, as Go templates do', () => {
    assert.throws(() => run('{.items[?(@.spec.ratio>1)].metadata.name}'), /incompatible types for comparison/)
  })

  it('reports index errors with kubectl\'s debugging text', () => {
    assert.throws(() => run('{.items[5]}', {items: [1]}), (err: unknown) =>
      err instanceof CliError &&
      err.message === 'error executing jsonpath "{.items[5]}": Error executing template: array index out of bounds: index 5, length 1. ' +
        'Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.items[5]}\n\tobject given to jsonpath engine was:\n' +
        '\t\tmap[string]interface {}{"items":[]interface {}{1}}\n\n\n')
  })
})

describe('custom-columns helpers', () => {
  const paths: [string, string][] = [['.a.b', '{.a.b}'], ['a.b', '{.a.b}'], ['{.a.b}', '{.a.b}'], ['{a.b}', '{.a.b}'], ['', '']]
  for (const [given, want] of paths) it(`relaxes ${JSON.stringify(given)}`, () => assert.equal(relaxedJsonPathExpression(given), want))

  const values: [unknown, string][] = [[null, '<nil>'], [{b: 1, a: [true, 'x']}, 'map[a:[true x] b:1]'], [[], '[]'], [1e21, '1e+21'], [2.5, '2.5']]
  for (const [given, want] of values) it(`formats ${JSON.stringify(given)} as Go %v`, () => assert.equal(formatGoValue(given), want))
})
