// Whole-output golden tests of every describer. Each case is rendered at a pinned instant; the same
// fixtures were seeded into the kubectl oracle and real kubectl v1.32 printed byte-identical text at the
// moment it ran (harness described in the describe report), so these goldens are kubectl's own output.
import {expectGolden} from '../helpers/golden.js'
import {buildDescribeCases} from './describe-cases.js'

const NOW = new Date('2026-11-25T16:35:55Z')

describe('kubectl describe output', () => {
  const {cases} = buildDescribeCases(NOW)
  for (const c of cases) {
    it(`kubectl describe ${c.args.join(' ')}`, () => expectGolden('describe', c.name, c.render({now: NOW})))
  }
})
