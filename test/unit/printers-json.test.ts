// Unit tests of the `-o json` printer: Go's MarshalIndent layout, key order, escaping and numbers, and
// the List wrapper. Whole-object outputs are checked against real kubectl in printers-golden.test.ts.
import assert from 'node:assert/strict'
import {formatGoJsonNumber, listWrapper, marshalCompact, printJson, quoteGoString} from '../../src/printers/json.js'

describe('printJson', () => {
  const cases: {name: string; given: unknown; want: string}[] = [
    {name: 'sorted keys, 4-space indent', given: {b: 1, a: {d: true, c: null}}, want: '{\n    "a": {\n        "c": null,\n        "d": true\n    },\n    "b": 1\n}\n'},
    {name: 'empty collections stay compact', given: {items: [], m: {}}, want: '{\n    "items": [],\n    "m": {}\n}\n'},
    {name: 'undefined fields are left out', given: {a: undefined, b: 'x'}, want: '{\n    "b": "x"\n}\n'},
    {name: 'array of scalars', given: [1, 'a'], want: '[\n    1,\n    "a"\n]\n'},
    {name: 'keys in byte order', given: {a_b: 1, aB: 2, 'a-b': 3, é: 4}, want: '{\n    "a-b": 3,\n    "aB": 2,\n    "a_b": 1,\n    "é": 4\n}\n'},
  ]
  for (const c of cases) it(c.name, () => assert.equal(printJson(c.given), c.want))

  it('wraps lists as kubectl does', () => {
    assert.equal(printJson(listWrapper([])), '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n')
  })

  it('marshals compactly for jsonpath', () => {
    assert.equal(marshalCompact({b: [1, {}], a: 'x<'}), '{"a":"x\\u003c","b":[1,{}]}')
  })
})

describe('Go JSON strings and numbers', () => {
  const strings: [string, string][] = [
    ['a<b>&c', '"a\\u003cb\\u003e\\u0026c"'], ['line\nbreak\ttab', '"line\\nbreak\\ttab"'], ['\b\f\r', '"\\b\\f\\r"'],
    ['\u0001\u001b', '"\\u0001\\u001b"'], ['\u2028\u2029', '"\\u2028\\u2029"'], ['héllo 日本 😀', '"héllo 日本 😀"'],
    ['say "hi" \\', '"say \\"hi\\" \\\\"'], ['\u007f', '"\u007f"'],
  ]
  for (const [given, want] of strings) it(`quotes ${JSON.stringify(given)}`, () => assert.equal(quoteGoString(given), want))

  const numbers: [number, string][] = [[0, '0'], [-0, '0'], [1.5, '1.5'], [1e21, '1e+21'], [1e-7, '1e-7'], [1e20, '100000000000000000000'], [0.000001, '0.000001']]
  for (const [given, want] of numbers) it(`formats ${given}`, () => assert.equal(formatGoJsonNumber(given), want))
})
