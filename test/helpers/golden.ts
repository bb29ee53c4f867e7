// Golden-file comparison shared by every test that checks whole outputs: the expected text lives in
// test/golden/<area>/<case>.txt and is compared byte for byte. With UPDATE_GOLDEN=1 the file is
// (re)written instead, so a reviewed change of output is one command away and shows up in git diff.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const goldenRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'golden')

/** Asserts that `actual` equals the golden file test/golden/<area>/<name>.txt (or writes it when UPDATE_GOLDEN=1). */
export function expectGolden(area: string, name: string, actual: string): void {
  const file = path.join(goldenRoot, area, `${name}.txt`)
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(path.dirname(file), {recursive: true})
    fs.writeFileSync(file, actual)
    return
  }
  if (!fs.existsSync(file)) assert.fail(`golden file ${path.relative(process.cwd(), file)} is missing; run with UPDATE_GOLDEN=1 to create it.\nActual:\n${actual}`)
  const want = fs.readFileSync(file, 'utf8')
  if (want !== actual) {
    assert.equal(actual, want, `output differs from ${path.relative(process.cwd(), file)}\n--- full actual output ---\n${actual}`)
  }
}
