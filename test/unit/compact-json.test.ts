// The compact JSON check that guards printing stored objects unparsed: every compact JSON object passes
// it (all the shapes, escapes and numbers Go's encoding writes), and no damaged text does that JSON.parse
// would reject — one byte changed, dropped or doubled anywhere, or whitespace put between tokens.
import assert from 'node:assert/strict'
import fc from 'fast-check'
import {isCompactJsonObject} from '../../src/io/compact-json.js'
import {marshalCompact} from '../../src/printers/json.js'

const SEED = Number(process.env.KBE_FC_SEED ?? 20261206)

const text = fc.oneof(fc.string({maxLength: 6}), fc.string({unit: 'binary', maxLength: 4}), fc.constantFrom('<&>', '"\\/', '\u2028', '\ud800', 'é日本', '\n\t\u0000'))
const number = fc.oneof(fc.integer(), fc.double({noNaN: true, noDefaultInfinity: true}), fc.constantFrom(0, -0, 1e21, 1e-7, 5e-324, 0.5))
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({depthSize: 'small'}, text, number, fc.boolean(), fc.constant(null), fc.array(tie('v'), {maxLength: 4}), fc.dictionary(text, tie('v'), {maxKeys: 4})),
})).v
const object = fc.dictionary(text, value, {maxKeys: 5})

/** Whether JSON.parse reads the text as an object. */
function parsesAsObject(bytes: Buffer): boolean {
  try {
    const v = JSON.parse(bytes.toString('utf8')) as unknown
    return typeof v === 'object' && v !== null && !Array.isArray(v)
  } catch {
    return false
  }
}

describe('compact JSON check', () => {
  it('passes every compact JSON object, as JSON.stringify and Go write them', () => {
    fc.assert(fc.property(object, (o) => {
      assert.ok(isCompactJsonObject(Buffer.from(JSON.stringify(o))))
      assert.ok(isCompactJsonObject(Buffer.from(marshalCompact(o))))
    }), {seed: SEED, numRuns: 500})
  })

  it('fails text that is not JSON after one byte was changed, dropped or doubled', () => {
    fc.assert(fc.property(object, fc.nat(), fc.integer({min: 0, max: 255}), fc.constantFrom('change', 'drop', 'double'), (o, at, byte, how) => {
      const good = Buffer.from(marshalCompact(o))
      const i = at % good.length
      const bad = how === 'change' ? Buffer.concat([good.subarray(0, i), Buffer.from([byte]), good.subarray(i + 1)])
        : how === 'drop' ? Buffer.concat([good.subarray(0, i), good.subarray(i + 1)])
          : Buffer.concat([good.subarray(0, i + 1), good.subarray(i)])
      if (isCompactJsonObject(bad)) assert.ok(parsesAsObject(bad), bad.toString('utf8'))
    }), {seed: SEED, numRuns: 3000})
  })

  it('fails whitespace between tokens, trailing text, other top-level values and runaway nesting', () => {
    for (const bad of ['{"a": 1}', '{"a":1} ', '{"a":1}{}', '[1]', '"a"', '', '{', '{"a":1,}', '{"a":[1,]}', '{"a":01}', '{"a":1.}', '{"a":.5}', '{"a":1e}', '{"a":tru}', '{"a":"\\x"}', '{"a":"\\u12g4"}', '{"a":"\t"}', '{a:1}', `{"a":${'['.repeat(600)}${']'.repeat(600)}}`]) {
      assert.equal(isCompactJsonObject(Buffer.from(bad)), false, bad)
    }
    for (const good of ['{}', '{"":""}', '{"a":[]}', '{"a":{}}', '{"a":-0.5e+10,"b":[true,false,null,"\\u00e9\\n"]}']) assert.ok(isCompactJsonObject(Buffer.from(good)), good)
  })
})
