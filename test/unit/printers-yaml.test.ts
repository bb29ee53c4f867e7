// Unit tests of the go-yaml v2 emulation behind `-o yaml`: YAML 1.1 implicit typing, key order, number
// text, scalar style choice and small layouts. Expected values agree with real kubectl (the whole-output
// goldens in printers-golden.test.ts cover the same rules on full objects).
import assert from 'node:assert/strict'
import {CliError} from '../../src/api/errors.js'
import {printYaml} from '../../src/printers/yaml.js'
import {compareYamlKeys} from '../../src/printers/yaml/key-order.js'
import {isTimestamp, resolvesAsString} from '../../src/printers/yaml/resolve.js'
import {analyzeScalar, formatGoFloatG, formatYamlNumber, requestedStringStyle, selectScalarStyle} from '../../src/printers/yaml/scalar.js'

describe('yaml resolve: strings go-yaml would read back as another type', () => {
  const nonStrings = ['', '~', 'null', 'NULL', 'y', 'Y', 'yes', 'No', 'on', 'OFF', 'true', 'False', '.inf', '-.Inf', '.nan',
    '123', '-1', '+1', '0.9', '1e3', '.5', '1.', '0x1F', '0o17', '017', '08', '1_000', '2024-11-25', '2024-11-25T16:37:23Z',
    '2024-1-2', '2024-11-25 16:37:23', '2024-11-25T16:37:23.123456Z', '2024-11-25t16:37:23+01:00', '18446744073709551615']
  const strings = ['yEs', 'oN', 'tRUE', 'nan', 'inf', '<<', '-', '+', '.', 'abc', '1.2.3', '10.96.0.1', '9876/TCP', '1e400',
    '0xFFFFFFFFFFFFFFFFFF', '2024-13-01', '2024-02-30', '2024-11-25T25:00:00Z', 'v1.32.0', '100Mi', '25%', '-dash']
  for (const s of nonStrings) it(`${JSON.stringify(s)} resolves to a non-string`, () => assert.equal(resolvesAsString(s), false))
  for (const s of strings) it(`${JSON.stringify(s)} stays a string`, () => assert.equal(resolvesAsString(s), true))

  it('accepts leap days only in leap years', () => {
    assert.equal(isTimestamp('2024-02-29'), true)
    assert.equal(isTimestamp('2023-02-29'), false)
    assert.equal(isTimestamp('1900-02-29'), false)
    assert.equal(isTimestamp('2000-02-29'), true)
  })
})

describe('yaml key order (go-yaml keyList)', () => {
  const cases: {name: string; given: string[]; want: string[]}[] = [
    {name: 'digit runs by value', given: ['item10', 'item9', 'item1'], want: ['item1', 'item9', 'item10']},
    {name: 'non-letters before letters', given: ['aB', 'a_b', 'a-b', 'a.b'], want: ['a-b', 'a.b', 'a_b', 'aB']},
    {name: 'upper case before lower case', given: ['z', 'Z', 'a', 'A'], want: ['A', 'Z', 'a', 'z']},
    {name: 'leading zeros after the shorter run', given: ['x001', 'x01', 'x1'], want: ['x1', 'x01', 'x001']},
    {name: 'kubernetes fields', given: ['status', 'spec', 'metadata', 'kind', 'apiVersion'], want: ['apiVersion', 'kind', 'metadata', 'spec', 'status']},
    {name: 'empty key first', given: ['a', '', '#k'], want: ['', '#k', 'a']},
  ]
  for (const c of cases) it(c.name, () => assert.deepEqual([...c.given].sort(compareYamlKeys), c.want))
})

describe('yaml numbers (after the JSON round trip)', () => {
  const cases: [number, string][] = [
    [0, '0'], [-1, '-1'], [9876, '9876'], [2 ** 53 - 1, '9007199254740991'], [2 ** 63, '9223372036854775808'.replace(/5808$/, '6000')],
    [2 ** 64, '1.8446744073709552e+19'], [1e20, '1e+20'], [1e21, '1e+21'], [1.5, '1.5'], [0.0001, '0.0001'], [0.00001, '1e-05'],
    [1e-7, '1e-07'], [123456.5, '123456.5'], [1234567.5, '1.2345675e+06'], [-0.25, '-0.25'], [Infinity, '.inf'], [NaN, '.nan'],
  ]
  for (const [n, want] of cases) it(`${n} → ${want}`, () => assert.equal(formatYamlNumber(n), want))

  it('formats floats as Go %g', () => {
    assert.equal(formatGoFloatG(100.25), '100.25')
    assert.equal(formatGoFloatG(1.5e300), '1.5e+300')
    assert.equal(formatGoFloatG(-3.5e-10), '-3.5e-10')
  })
})

describe('yaml scalar style', () => {
  const style = (s: string, simpleKey = false) => selectScalarStyle(requestedStringStyle(s), analyzeScalar(s), simpleKey, s === '')
  const cases: {name: string; given: string; want: string; key?: boolean}[] = [
    {name: 'plain word', given: 'sise', want: 'plain'},
    {name: 'number-like', given: '1030', want: 'double'},
    {name: 'indicator first', given: '*star', want: 'single'},
    {name: 'colon space', given: 'a: b', want: 'single'},
    {name: 'space hash', given: 'a #b', want: 'single'},
    {name: 'trailing space', given: 'x ', want: 'single'},
    {name: 'tab (unprintable)', given: 'a\tb', want: 'double'},
    {name: 'astral character', given: '😀', want: 'double'},
    {name: 'newline', given: 'a\nb', want: 'literal'},
    {name: 'space before newline', given: 'a \nb', want: 'double'},
    {name: 'newline in a key', given: 'a\nb', want: 'double', key: true},
    {name: 'mid dash', given: 'a-b', want: 'plain'},
  ]
  for (const c of cases) it(c.name, () => assert.equal(style(c.given, c.key), c.want))
})

describe('printYaml layouts', () => {
  const cases: {name: string; given: unknown; want: string}[] = [
    {name: 'nested map and list', given: {spec: {containers: [{name: 'sise', ports: [{containerPort: 9876}]}]}},
      want: 'spec:\n  containers:\n  - name: sise\n    ports:\n    - containerPort: 9876\n'},
    {name: 'empty collections and null', given: {a: {}, b: [], c: null, d: undefined}, want: 'a: {}\nb: []\nc: null\n'},
    {name: 'quoted key', given: {y: 'true'}, want: '"y": "true"\n'},
    {name: 'literal keep', given: {a: 'x\n\n'}, want: 'a: |+\n  x\n\n'},
    {name: 'literal with leading space', given: {a: ' x\ny'}, want: 'a: |2-\n   x\n  y\n'},
    {name: 'sequence of sequences', given: [[1, 2], []], want: '- - 1\n  - 2\n- []\n'},
    {name: 'root scalar', given: 'x', want: 'x\n'},
    {name: 'plain folds past column 80', given: {m: `${'a'.repeat(79)} b c`}, want: `m: ${'a'.repeat(79)}\n  b c\n`},
    {name: 'single-quoted doubles quotes', given: {m: "it's: x"}, want: "m: 'it''s: x'\n"},
  ]
  for (const c of cases) it(c.name, () => assert.equal(printYaml(c.given), c.want))

  it('fails like kubectl on characters go-yaml will not read', () => {
    assert.throws(() => printYaml({a: 'x\u007fy'}), (err: unknown) => err instanceof CliError && err.message === 'yaml: control characters are not allowed')
  })

  it('folds NEL as go-yaml reads it back from JSON', () => {
    assert.equal(printYaml({a: 'x\u0085y', b: 'x \u0085\u0085 y'}), 'a: x y\nb: |-\n  x\n  y\n')
  })
})
