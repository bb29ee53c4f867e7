// Reading `-f` arguments: files, directories, globs, stdin, and kubectl's argument errors. The expected
// texts and orders were checked with the real kubectl v1.32.4 (`kubectl create --dry-run=client -o name`
// on the same layout): directories list .json/.yaml/.yml files in byte order, -R adds subdirectories, an
// explicitly named file or glob match is read whatever its extension, and several errors print one per
// line without the `error: ` prefix.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {CliError, RawError} from '../../src/api/errors.js'
import {noObjectsPassed, readManifestItems, readManifests, type ReadOptions} from '../../src/io/manifests.js'

const ns = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`
const badIndent = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   labels: a\n'

let root: string

function options(extra: Partial<ReadOptions> = {}): ReadOptions {
  return {readStdin: async () => '', offline: true, note: () => assert.fail('unexpected note'), fixturesDir: root, ...extra}
}

function names(documents: Array<{source: string; object: Record<string, unknown>}>): string[] {
  return documents.map((d) => `${(d.object.metadata as {name: string}).name} from ${path.relative(root, d.source)}`)
}

async function readError(filenames: string[], extra: Partial<ReadOptions> = {}): Promise<CliError | RawError> {
  try {
    await readManifests(filenames, options(extra))
  } catch (error) {
    if (error instanceof CliError || error instanceof RawError) return error
    throw error
  }
  return assert.fail('expected an error')
}

describe('readManifests: files, directories, globs and stdin', () => {
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kbe-manifests-'))
    const files: Record<string, string> = {
      'dd/b.yaml': ns('d-b'),
      'dd/a.yml': ns('d-a'),
      'dd/C.json': '{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"d-c"}}',
      'dd/x.txt': ns('d-txt'),
      'dd/U.YAML': ns('d-upper'),
      'dd/sub/s.yaml': ns('d-sub'),
      'dd/z-bad.yaml': badIndent,
      'good.yaml': ns('good'),
      'tab.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n',
    }
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), {recursive: true})
      fs.writeFileSync(path.join(root, name), text)
    }
    fs.mkdirSync(path.join(root, 'empty'))
  })
  after(() => fs.rmSync(root, {recursive: true, force: true}))

  const at = (name: string) => path.join(root, name)
  const reads: Array<{name: string; given: () => string[]; recursive?: boolean; want: string[]}> = [
    {name: 'a file', given: () => [at('good.yaml')], want: ['good from good.yaml']},
    {name: 'a file named explicitly is read whatever its extension', given: () => [at('dd/x.txt')], want: ['d-txt from dd/x.txt']},
    {
      name: 'a glob: every match, whatever its extension; a matched directory is listed',
      given: () => [at('dd/[a-c]*'), at('dd/s*')],
      want: ['d-a from dd/a.yml', 'd-b from dd/b.yaml', 'd-sub from dd/sub/s.yaml'],
    },
    {name: 'an empty directory after a file is no error', given: () => [at('good.yaml'), at('empty')], want: ['good from good.yaml']},
  ]
  for (const {name, given, recursive, want} of reads) {
    it(name, async () => {
      assert.deepEqual(names(await readManifests(given(), options({recursive}))), want)
    })
  }

  it('a directory: .json/.yaml/.yml files in byte order, no subdirectories; a broken file is reported in its place', async () => {
    const items = await readManifestItems([at('dd')], options())
    assert.deepEqual(
      items.map((item) => ('document' in item ? names([item.document])[0] : item.error.message)),
      [
        'd-c from dd/C.json',
        'd-a from dd/a.yml',
        'd-b from dd/b.yaml',
        `error parsing ${at('dd/z-bad.yaml')}: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context`,
      ],
    )
  })

  it('-R also reads subdirectories, in walk order', async () => {
    const items = await readManifestItems([at('dd')], options({recursive: true}))
    const read = items.flatMap((item) => ('document' in item ? names([item.document]) : []))
    assert.deepEqual(read, ['d-c from dd/C.json', 'd-a from dd/a.yml', 'd-b from dd/b.yaml', 'd-sub from dd/sub/s.yaml'])
  })

  it('keeps the source as typed (./x stays ./x, directory entries are joined and cleaned)', async () => {
    const [document] = await readManifests([`${at('dd')}/./a.yml`], options())
    assert.equal(document.source, `${at('dd')}/./a.yml`)
    const listed = await readManifestItems([`${at('dd')}/`], options())
    assert.equal('document' in listed[0] && listed[0].document.source, at('dd/C.json'))
  })

  it('reads stdin for -, named STDIN', async () => {
    const documents = await readManifests(['-'], options({readStdin: async () => ns('from-stdin')}))
    assert.deepEqual(documents, [{source: 'STDIN', object: {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'from-stdin'}}}])
    const error = await readError(['-'], {readStdin: async () => badIndent})
    assert.equal(error.message, 'error parsing STDIN: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context')
  })

  const failures: Array<{name: string; given: () => string[]; want: () => string; raw?: boolean}> = [
    {name: 'a missing path', given: () => [at('nope.yaml')], want: () => `the path "${at('nope.yaml')}" does not exist`},
    {
      name: 'two missing paths: one line each, no prefix',
      given: () => [at('nope.yaml'), at('nope2.yaml')],
      want: () => `the path "${at('nope.yaml')}" does not exist\nthe path "${at('nope2.yaml')}" does not exist`,
      raw: true,
    },
    {name: 'a glob without matches', given: () => [at('n*.yaml')], want: () => `the path "${at('n*.yaml')}" does not exist`},
    {name: 'a bad glob', given: () => ['x['], want: () => 'pattern "x[" is not valid: syntax error in pattern'},
    {
      name: 'a directory without manifests, first',
      given: () => [at('empty'), at('good.yaml')],
      want: () => `error reading [${at('empty')}]: recognized file extensions are [.json .yaml .yml]`,
    },
    {name: 'stdin twice', given: () => ['-', '-'], want: () => 'standard input cannot be used for multiple arguments'},
    {
      name: 'a URL Go cannot parse',
      given: () => ['http://exa mple.com/x'],
      want: () => 'the URL passed to filename "http://exa mple.com/x" is not valid: parse "http://exa mple.com/x": invalid character " " in host name',
    },
    {
      name: 'two broken files: both reported, one line each',
      given: () => [at('dd/z-bad.yaml'), at('tab.yaml')],
      want: () =>
        `error parsing ${at('dd/z-bad.yaml')}: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n` +
        `error parsing ${at('tab.yaml')}: error converting YAML to JSON: yaml: line 4: found character that cannot start any token`,
      raw: true,
    },
  ]
  for (const {name, given, want, raw} of failures) {
    it(`fails for ${name}`, async () => {
      const error = await readError(given())
      assert.equal(error.message, want())
      assert.equal(error instanceof RawError, raw === true)
    })
  }

  it('argument errors come before reading anything (stdin is not read)', async () => {
    const error = await readError(['-', at('nope.yaml')], {readStdin: async () => assert.fail('stdin read')})
    assert.equal(error.message, `the path "${at('nope.yaml')}" does not exist`)
  })

  it('names the error for an empty read the way create/apply do', () => {
    assert.equal(noObjectsPassed('create').message, 'no objects passed to create')
    assert.equal(noObjectsPassed('apply').message, 'no objects passed to apply')
  })
})
