// Unit tests of streamed output: `-o json|yaml` printers return a TextStream whose pieces make the same
// text as printJson/printYaml (yaml's control-character error comes when the stream is made, before
// anything is written); CommandOutput keeps streams until stdout is written or asked for; BatchedWriter
// gathers pieces into writes of about a megabyte and cuts long ones without splitting a surrogate pair.
import assert from 'node:assert/strict'
import {CliError} from '../../src/api/errors.js'
import {BatchedWriter} from '../../src/cli/batched-writer.js'
import {CommandOutput} from '../../src/cli/output.js'
import {listWrapper, printJson} from '../../src/printers/json.js'
import {printedString, resolvePrinter, type PrintedText} from '../../src/printers/resolve.js'
import {printYaml} from '../../src/printers/yaml.js'

const pods = Array.from({length: 3}, (_, i) => ({apiVersion: 'v1', kind: 'Pod', metadata: {name: `p${i}`, labels: {app: 'a<b>'}}, spec: {containers: [{name: 'c', image: 'nginx'}]}}))

function print(format: string, objects: object[], single = false): PrintedText {
  const printer = resolvePrinter(format)
  assert.equal(printer.family, 'output')
  if (printer.family !== 'output') throw new Error('unreachable')
  return printer.print(objects, {singleItemImplied: single})
}

function pieces(text: PrintedText): string[] {
  if (typeof text === 'string') return [text]
  const out: string[] = []
  text.writeTo((piece) => out.push(piece))
  return out
}

describe('streamed -o json|yaml', () => {
  it('json comes in pieces (several per List item) that make printJson', () => {
    const got = pieces(print('json', pods))
    assert.ok(got.length > pods.length)
    assert.equal(got.join(''), printJson(listWrapper(pods)))
    assert.equal(printedString(print('json', [pods[0]], true)), printJson(pods[0]))
  })

  it('yaml makes printYaml', () => {
    assert.equal(printedString(print('yaml', pods)), printYaml(listWrapper(pods)))
    assert.equal(printedString(print('YAML', [pods[0]], true)), printYaml(pods[0]))
  })

  it("yaml's control-character error comes before anything is written", () => {
    const bad = {...pods[1], metadata: {name: 'x', annotations: {note: 'a\u007fb'}}}
    assert.throws(() => print('yaml', [pods[0], bad]), (err: unknown) => err instanceof CliError && err.message === 'yaml: control characters are not allowed')
    assert.throws(() => print('yaml', [{metadata: {labels: {'k\u0080': 'v'}}}]), CliError)
  })
})

describe('CommandOutput with streams', () => {
  it('writes text and streams in order, and makes stdout once', () => {
    let made = 0
    const out = new CommandOutput()
    out.out('a')
    out.out({writeTo: (sink) => { made++; sink('b'); sink('c') }})
    out.out('')
    out.out('d')
    const written: string[] = []
    out.writeStdout((piece) => written.push(piece))
    assert.deepEqual(written, ['a', 'b', 'c', 'd'])
    assert.equal(out.stdout, 'abcd')
    assert.equal(out.stdout, 'abcd')
    assert.equal(made, 2)
  })

  it('has empty stdout when nothing was printed', () => assert.equal(new CommandOutput().stdout, ''))
})

describe('BatchedWriter', () => {
  it('gathers small pieces and cuts long ones between code points', () => {
    const writes: string[] = []
    const w = new BatchedWriter({write: (text: string) => writes.push(text)})
    w.write('x')
    w.write('y')
    const long = `${'a'.repeat((1 << 20) - 1)}😀${'b'.repeat(1 << 20)}`
    w.write(long)
    w.write('z')
    w.end()
    w.end()
    assert.equal(writes.join(''), `xy${long}z`)
    assert.equal(writes[0], 'xy')
    for (const text of writes) assert.ok(!/[\ud800-\udbff]$/.test(text) && !/^[\udc00-\udfff]/.test(text), 'a write splits a surrogate pair')
    assert.ok(writes.every((text) => text.length <= 1 << 20))
  })
})
