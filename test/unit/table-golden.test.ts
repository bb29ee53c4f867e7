// Whole `kubectl get` outputs from the table engine, compared with test/golden/get/<case>.txt. The
// `verified-*` files are the reference's VERIFIED kubectl samples copied byte for byte; the others
// are the real kubectl's output for the same objects (see table-cases.ts). Do not regenerate them
// with UPDATE_GOLDEN from kbe's own output.
import {expectGolden} from '../helpers/golden.js'
import {printTables} from '../../src/printers/table/engine.js'
import {caseOptions, goldenCases} from './table-cases.js'

describe('kubectl get tables (golden)', () => {
  for (const c of goldenCases) {
    it(`${c.name}: kubectl ${c.kubectl}`, () => {
      expectGolden('get', c.name, printTables(c.groups, caseOptions(c)))
    })
  }
})
