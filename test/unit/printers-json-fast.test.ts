// Property tests of the fast `-o json` route (json.ts over json/native.ts) against the reference printer
// (json/reference.ts, which spells out Go's encoding/json): for any JSON-like value — unicode and
// integer-like keys, HTML and control characters, lone surrogates, empty and nested collections, every
// kind of number, undefined fields, null-prototype objects — both print the same bytes, indented at any
// depth and compact. Also the fast code point comparison against a plain code-point-by-code-point one.
import assert from 'node:assert/strict'
import fc from 'fast-check'
import {listWrapper, marshalCompact, printJson, printJsonChunks} from '../../src/printers/json.js'
import {nativeGoJson} from '../../src/printers/json/native.js'
import {GoJsonText, indentGoJson} from '../../src/printers/json/indent.js'
import {compareCodePoints, marshalCompactReference, marshalIndentedReference} from '../../src/printers/json/reference.js'

// A fixed seed keeps CI reproducible; KBE_FC_SEED=<n> explores other inputs.
const SEED = Number(process.env.KBE_FC_SEED ?? 20261125)
const RUNS = 400

const codeUnit = fc.integer({min: 0, max: 0xffff}).map((u) => String.fromCharCode(u))
const tricky = fc.constantFrom(
  '<', '>', '&', '\u2028', '\u2029', '\ud800', '\udfff', '\ud83d\ude00', '\\', '\\ud800', '\\\\ud83d', '"', '\u0000', '\u001f',
  '\b', '\f', '\n', '\r', '\t', '\u007f', '\u0085', '\ufffd', '\ue000', '\uffff', 'é', '日本', '\u{10ffff}', ' ', 'a', 'Z', '0', '9',
)
const text = fc.oneof(
  fc.string({maxLength: 8}),
  fc.string({unit: 'binary', maxLength: 6}),
  fc.string({unit: codeUnit, maxLength: 4}),
  fc.string({unit: tricky, maxLength: 5}),
)
const key = fc.oneof(
  {weight: 3, arbitrary: text},
  {weight: 1, arbitrary: fc.constantFrom('0', '1', '9', '10', '01', '4294967294', '4294967295', '-1', '1.5', '__proto__', 'constructor', 'toJSON', '', 'a', 'b')},
  {weight: 1, arbitrary: fc.nat({max: 200}).map(String)},
)
const number = fc.oneof(
  fc.integer(),
  fc.double({noNaN: true, noDefaultInfinity: true}),
  fc.constantFrom(0, -0, 1e21, 1e-7, 1e-6, 1e20, 5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** 53, 2 ** 64, 0.1, 123456789.125),
)
const scalar = fc.oneof(text, number, fc.boolean(), fc.constant(null))
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    scalar,
    fc.array(fc.oneof({weight: 5, arbitrary: tie('v')}, {weight: 1, arbitrary: fc.constant(undefined)}), {maxLength: 4}),
    fc.dictionary(key, fc.oneof({weight: 5, arbitrary: tie('v')}, {weight: 1, arbitrary: fc.constant(undefined)}), {maxKeys: 5}),
  ),
})).v

const params = {seed: SEED, numRuns: RUNS}

describe('fast -o json route agrees with the reference byte for byte', () => {
  it('printJson (MarshalIndent plus newline)', () => {
    fc.assert(fc.property(value, (v) => assert.equal(printJson(v), `${marshalIndentedReference(v)}\n`)), params)
  })

  it('printJson of a List of items, and its chunks join to the same text', () => {
    fc.assert(fc.property(fc.array(value, {maxLength: 4}), (items) => {
      const want = `${marshalIndentedReference(listWrapper(items))}\n`
      assert.equal(printJson(listWrapper(items)), want)
      assert.equal(printJsonChunks(listWrapper(items)).join(''), want)
    }), params)
  })

  it('marshalCompact (json.Marshal)', () => {
    fc.assert(fc.property(value, (v) => assert.equal(marshalCompact(v), marshalCompactReference(v))), params)
  })

  it('the native route, laid out at any depth, or it declines', () => {
    fc.assert(fc.property(value, fc.nat({max: 4}), (v, depth) => {
      const got = nativeGoJson(v, depth)
      if (got !== undefined) assert.equal(got, marshalIndentedReference(v, ' '.repeat(4 * depth)))
    }), params)
  })

  it('indenting stored compact Go JSON (json.Indent) gives MarshalIndent at any depth', () => {
    fc.assert(fc.property(value, fc.nat({max: 4}), (v, depth) => {
      assert.equal(indentGoJson(Buffer.from(marshalCompact(v)), depth), marshalIndentedReference(v, ' '.repeat(4 * depth)))
    }), params)
  })

  it('a List of stored Go JSON prints as the List of the objects it holds', () => {
    fc.assert(fc.property(fc.array(value, {maxLength: 4}), (items) => {
      const stored = items.map((v) => new GoJsonText(Buffer.from(marshalCompact(v))))
      assert.equal(printJson(listWrapper(stored)), printJson(listWrapper(items)))
    }), params)
  })

  it('indents past brackets, commas, colons and escaped quotes inside strings, and big texts', () => {
    const tricky = {'a":{[,': ['}],"\\', '\\"', {}, [], [{}], {'': ''}], 'é日本\u003c': {x: [1, -0.5, 1e21, true, null]}}
    assert.equal(indentGoJson(Buffer.from(marshalCompact(tricky)), 1), marshalIndentedReference(tricky, '    '))
    const big = Array.from({length: 3000}, (_, i) => ({[`k${i}`]: [[[[[[[[`v${i}`]]]]]]]]}))
    assert.equal(indentGoJson(Buffer.from(marshalCompact(big)), 3), marshalIndentedReference(big, ' '.repeat(12)))
  })

  it('the native route takes every value without integer-like or __proto__ keys', () => {
    const plainKey = key.filter((k) => !/^[0-9]/.test(k) && k !== '__proto__')
    const plain: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      v: fc.oneof({depthSize: 'small'}, scalar, fc.array(tie('v'), {maxLength: 4}), fc.dictionary(plainKey, tie('v'), {maxKeys: 5})),
    })).v
    fc.assert(fc.property(plain, (v) => assert.notEqual(nativeGoJson(v, 1), undefined)), params)
  })

  const examples: [string, unknown][] = [
    ['integer-like keys out of JavaScript order', {10: 'a', 9: 'b', a: 'c', '-': 'd'}],
    ['a single integer-like key among others', {b: 1, 5: 2}],
    ['an own __proto__ key', JSON.parse('{"b": 1, "__proto__": {"x": 1}, "a": 2}')],
    ['a null-prototype object', Object.assign(Object.create(null), {b: [], a: {}})],
    ['keys that need code point order', {'\ue000': 1, '\ud83d\ude00': 2, '\ud800': 3, '\udc00': 4, z: 5}],
    ['escaped and raw lone surrogates', {s: ['\\ud800', '\\\ud800', '\ud800\\', 'x\udc00y', '\ud83d\ude00']}],
    ['HTML characters in keys and values', {'<a&b>': '</script>&amp;\u2028\u2029'}],
    ['a sparse array', {a: [1, , 3]}], // eslint-disable-line no-sparse-arrays
    ['numbers', [0, -0, 1e21, 1e-7, 1e-6, 5e-324, 2 ** 64, -1.5e300]],
    ['empty collections at every level', {a: {}, b: [], c: [{}, [], {d: {}}], e: {f: undefined}}],
    ['a top-level scalar', 'x<y'],
    ['undefined', undefined],
  ]
  for (const [name, v] of examples) {
    it(name, () => {
      assert.equal(printJson(v), `${marshalIndentedReference(v)}\n`)
      assert.equal(marshalCompact(v), marshalCompactReference(v))
      assert.equal(printJson(listWrapper([v, v])), `${marshalIndentedReference(listWrapper([v, v]))}\n`)
    })
  }

  it('fails on values JSON cannot hold, as the reference does', () => {
    for (const bad of [{a: Number.NaN}, {a: Infinity}, [() => 1], {a: 1n}, {a: Symbol('s')}]) {
      assert.throws(() => printJson(bad), TypeError)
      assert.throws(() => marshalCompact(bad), TypeError)
    }
  })
})

/** Code point order the obvious way, the oracle for compareCodePoints' shortcut. */
function byCodePoints(a: string, b: string): number {
  const ac = Array.from(a, (c) => c.codePointAt(0)!)
  const bc = Array.from(b, (c) => c.codePointAt(0)!)
  for (let i = 0; i < ac.length && i < bc.length; i++) if (ac[i] !== bc[i]) return ac[i] - bc[i]
  return ac.length - bc.length
}

describe('compareCodePoints', () => {
  it('orders strings as comparing code point by code point does', () => {
    fc.assert(fc.property(text, text, (a, b) => assert.equal(Math.sign(compareCodePoints(a, b)), Math.sign(byCodePoints(a, b)))), {seed: SEED, numRuns: 2000})
  })

  it('orders strings sharing a prefix', () => {
    fc.assert(fc.property(text, text, text, (p, a, b) => {
      assert.equal(Math.sign(compareCodePoints(p + a, p + b)), Math.sign(byCodePoints(p + a, p + b)))
    }), {seed: SEED, numRuns: 2000})
  })
})
