// Property tests of the shortcuts behind the fast `-o yaml` printer against the definitions they stand
// for: the scalar analysis of plain ASCII words (analyzeScalar vs analyzeAnyScalar), go-yaml's key order
// decided on the first differing ASCII unit (yamlKeyLess vs yamlKeyLessByRune), and scalars written in
// one piece by the writer (writeUnbroken and the writers' own shortcut vs writing character by character), checked by what they
// write and by the column they leave behind (a long folded scalar written after them shows it).
import assert from 'node:assert/strict'
import fc from 'fast-check'
import {yamlKeyLess, yamlKeyLessByRune} from '../../src/printers/yaml/key-order.js'
import {analyzeAnyScalar, analyzeScalar} from '../../src/printers/yaml/scalar.js'
import {unbrokenScalar, YamlWriter} from '../../src/printers/yaml/writer.js'

// A fixed seed keeps CI reproducible; KBE_FC_SEED=<n> explores other inputs.
const SEED = Number(process.env.KBE_FC_SEED ?? 20261125)
const params = {seed: SEED, numRuns: 3000}

const codeUnit = fc.integer({min: 0, max: 0xffff}).map((u) => String.fromCharCode(u))
const tricky = fc.constantFrom(
  '0', '1', '9', '00', 'a', 'B', 'z', '_', '-', '.', ':', '#', '?', ' ', "'", '"', '\\', '---', '...', '*', '&', '!', '|', '>', '%',
  '@', '`', '{', '[', ',', '\t', '\n', '\u0085', '\u2028', '\ufeff', 'é', '١', '\ud800', '\udc00', '\ud83d\ude00', '\u{1d400}',
)
const text = fc.oneof(
  fc.string({maxLength: 10}),
  fc.string({unit: 'binary', maxLength: 6}),
  fc.string({unit: codeUnit, maxLength: 4}),
  fc.string({unit: tricky, maxLength: 6}),
  fc.string({unit: fc.constantFrom('a', 'b', ' ', ':', '#', "'", '"', '-'), maxLength: 12}),
)

describe('fast -o yaml shortcuts agree with their definitions', () => {
  it('analyzeScalar', () => {
    fc.assert(fc.property(text, (s) => assert.deepEqual({...analyzeScalar(s)}, analyzeAnyScalar(s))), params)
  })

  it('yamlKeyLess, also for keys sharing a prefix', () => {
    fc.assert(fc.property(text, text, text, (p, a, b) => {
      assert.equal(yamlKeyLess(a, b), yamlKeyLessByRune(a, b))
      assert.equal(yamlKeyLess(p + a, p + b), yamlKeyLessByRune(p + a, p + b))
    }), params)
  })

  it('writeUnbroken writes what the scalar writers write', () => {
    const styles = fc.constantFrom('plain' as const, 'single' as const, 'double' as const)
    // A folding scalar written afterwards breaks at the first space past column 80: it shows the column.
    const probe = 'w '.repeat(60)
    fc.assert(fc.property(text, styles, fc.noBias(fc.integer({min: 0, max: 90})), fc.boolean(), (value, style, lead, key) => {
      const unbroken = unbrokenScalar(value, style, key ? ':' : '')
      if (unbroken === undefined) return
      const write = (scalar: (w: YamlWriter) => void): string => {
        const w = new YamlWriter()
        w.indent = 0
        w.writeIndent()
        w.writePlain('x'.repeat(lead), true)
        scalar(w)
        w.writePlain(probe, true)
        return w.text()
      }
      const want = write((w) => {
        if (style === 'plain') w.writePlainByCharacter(value, !key)
        else if (style === 'single') w.writeSingleQuotedByCharacter(value, !key)
        else w.writeDoubleQuotedByCharacter(value, !key)
        if (key) w.writeIndicator(':', false, false, false)
      })
      assert.equal(write((w) => w.writeUnbroken(unbroken)), want)
      if (!key) {
        const viaStyle = write((w) => {
          if (style === 'plain') w.writePlain(value, true)
          else if (style === 'single') w.writeSingleQuoted(value, true)
          else w.writeDoubleQuoted(value, true)
        })
        assert.equal(viaStyle, want)
      }
    }), params)
  })
})
