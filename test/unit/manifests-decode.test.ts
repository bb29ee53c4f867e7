// Decoding manifest text into objects: go-yaml's scalar rules (values captured from kubectl v1.32.4 with
// `kubectl create --dry-run=client -o json`), documents and separators, JSON streams, lists, encodings,
// and the tutorial's bundled specs.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

import {decodeManifestStream, decodeText, type DecodedItem} from '../../src/io/manifest-decode.js'

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures')

function objectsOf(items: DecodedItem[]): Array<Record<string, unknown>> {
  return items.map((item) => {
    if ('error' in item) assert.fail(`unexpected error: ${item.error}`)
    return item.object
  })
}

function namesOf(items: DecodedItem[]): string[] {
  return objectsOf(items).map((o) => `${o.kind}/${(o.metadata as {name: string}).name}`)
}

describe('manifest decoding: YAML scalars as kubectl reads them', () => {
  // The value of `spec.v` after kubectl's YAML→JSON conversion (sigs.k8s.io/yaml on go-yaml v2).
  const scalars: Array<{given: string; want: unknown}> = [
    {given: 'yes', want: true},
    {given: 'no', want: false},
    {given: 'on', want: true},
    {given: 'off', want: false},
    {given: 'y', want: true},
    {given: 'n', want: false},
    {given: 'Yes', want: true},
    {given: 'TRUE', want: true},
    {given: 'Off', want: false},
    {given: 'NO', want: false},
    {given: 'N', want: false},
    {given: "'yes'", want: 'yes'},
    {given: '"0.9"', want: '0.9'},
    {given: '0.9', want: 0.9},
    {given: '1.0', want: 1},
    {given: '017', want: 15},
    {given: '-017', want: -15},
    {given: '0o17', want: 15},
    {given: '0x1F', want: 31},
    {given: '0b101', want: 5},
    {given: '1_000', want: 1000},
    {given: '1__0', want: 10},
    {given: '0x_1F', want: 31},
    {given: '100_', want: 100},
    {given: '_100', want: '_100'},
    {given: '1e3', want: 1000},
    {given: '1.5e+3', want: 1500},
    {given: '3.0e2', want: 300},
    {given: '6.02e23', want: 6.02e23},
    {given: '.5', want: 0.5},
    {given: '+.5', want: 0.5},
    {given: '0.', want: 0},
    {given: '+12', want: 12},
    {given: '-0', want: 0},
    {given: '0', want: 0},
    {given: '00', want: 0},
    {given: '08', want: 8},
    {given: '~', want: null},
    {given: 'null', want: null},
    {given: 'Null', want: null},
    {given: '2024-01-01', want: '2024-01-01'},
    {given: '2024-01-01T00:00:00Z', want: '2024-01-01T00:00:00Z'},
    {given: '12:30:00', want: '12:30:00'},
    {given: '1:20', want: '1:20'},
    {given: '!!str 12', want: '12'},
    {given: '!foo x', want: 'x'},
    {given: '!!foo x', want: 'x'},
    {given: '12e', want: '12e'},
    {given: '1.2.3', want: '1.2.3'},
    {given: '0b2', want: '0b2'},
    {given: '0xFFFFFFFFFFFFFFFFF', want: '0xFFFFFFFFFFFFFFFFF'},
    {given: '=', want: '='},
    {given: '1,000', want: '1,000'},
  ]
  for (const {given, want} of scalars) {
    it(`${given} → ${JSON.stringify(want)}`, () => {
      const [object] = objectsOf(decodeManifestStream(`apiVersion: v1\nkind: Pod\nspec:\n  v: ${given}\n`, 'x.yaml'))
      assert.deepEqual((object.spec as {v: unknown}).v, want)
    })
  }

  it('turns non-string keys into strings, keeps merge keys and lets the last duplicate key win', () => {
    const text = 'apiVersion: v1\nkind: Pod\nkind: Service\nbase: &b {a: 1}\nspec:\n  <<: *b\n  123: x\n  true: t\n  1.5: f\n  ? c\n  : k\n'
    const [object] = objectsOf(decodeManifestStream(text, 'x.yaml'))
    assert.equal(object.kind, 'Service')
    assert.deepEqual(object.spec, {a: 1, '123': 'x', true: 't', '1.5': 'f', c: 'k'})
  })

  it('rejects .inf like Go’s JSON encoder (kubectl: json: unsupported value: +Inf)', () => {
    assert.deepEqual(decodeManifestStream('apiVersion: v1\nkind: Pod\nspec:\n  a: .inf\n', 'inf.yaml'), [
      {error: 'error parsing inf.yaml: error converting YAML to JSON: json: unsupported value: +Inf'},
    ])
  })
})

describe('manifest decoding: documents, streams and lists', () => {
  const ns = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`
  const cases: Array<{name: string; given: string; want: string[]}> = [
    {name: 'one document', given: ns('a'), want: ['Namespace/a']},
    {name: 'documents split at ---, empty ones skipped', given: `---\n${ns('a')}---\n---\n${ns('b')}---\n`, want: ['Namespace/a', 'Namespace/b']},
    {name: 'a separator may carry a comment', given: `${ns('a')}--- # next\n${ns('b')}`, want: ['Namespace/a', 'Namespace/b']},
    {name: 'CRLF line ends', given: ns('a').replaceAll('\n', '\r\n'), want: ['Namespace/a']},
    {name: 'UTF-8 byte order mark', given: `\uFEFF${ns('a')}`, want: ['Namespace/a']},
    {name: 'no final newline', given: ns('a').trimEnd(), want: ['Namespace/a']},
    {name: 'comment-only and null documents', given: `# nothing\n---\nnull\n---\n~\n`, want: []},
    {name: 'a document ended by ...', given: `${ns('a')}...\n`, want: ['Namespace/a']},
    {
      name: 'a JSON stream of two objects',
      given: '{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"j1"}}\n{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"j2"}}',
      want: ['Namespace/j1', 'Namespace/j2'],
    },
    {
      name: 'kind: List is expanded, nested lists too',
      given: `apiVersion: v1\nkind: List\nitems:\n- ${ns('l1').replaceAll('\n', '\n  ').trimEnd()}\n- apiVersion: v1\n  kind: List\n  items:\n  - {apiVersion: v1, kind: Namespace, metadata: {name: l2}}\n`,
      want: ['Namespace/l1', 'Namespace/l2'],
    },
    {name: 'an empty List', given: 'apiVersion: v1\nkind: List\nitems: []\n', want: []},
  ]
  for (const {name, given, want} of cases) {
    it(name, () => {
      assert.deepEqual(namesOf(decodeManifestStream(given, 'x.yaml')), want)
    })
  }

  it('reads UTF-16 files with a byte order mark (kubectl’s BOM override)', () => {
    const text = ns('utf16')
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    const big = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])
    assert.equal(decodeText(little), text)
    assert.equal(decodeText(big), text)
    assert.equal(decodeText(Buffer.from(text)), text)
  })

  it('keeps the objects read before a parse error and ends with the error (kubectl: namespace/a, then the error)', () => {
    const items = decodeManifestStream(`${ns('a')}---\nkind: [\n`, 'x.yaml')
    assert.equal(items.length, 2)
    assert.deepEqual(items[1], {error: 'error parsing x.yaml: error converting YAML to JSON: yaml: line 1: did not find expected node content'})
  })
})

describe('manifest decoding: the tutorial’s bundled specs', () => {
  const root = path.join(fixturesDir, 'kbe-specs')
  const files = fs
    .readdirSync(root, {recursive: true, encoding: 'utf8'})
    .filter((file) => file.endsWith('.yaml'))
    .sort()
  it('has all of them', () => {
    assert.equal(files.length, 71)
  })
  for (const file of files) {
    it(`${file} decodes into at least one object`, () => {
      const objects = objectsOf(decodeManifestStream(fs.readFileSync(path.join(root, file), 'utf8'), file))
      assert.ok(objects.length >= 1)
      for (const object of objects) assert.equal(typeof object.kind, 'string')
    })
  }
  it('pf/app.yaml holds a Deployment and a Service', () => {
    const text = fs.readFileSync(path.join(root, 'main', 'pf', 'app.yaml'), 'utf8')
    assert.deepEqual(namesOf(decodeManifestStream(text, 'app.yaml')), ['Deployment/sise-deploy', 'Service/simpleservice'])
  })
})
