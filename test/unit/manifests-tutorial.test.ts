// The tutorial's spec URLs: which URLs map to which bundled copy (fixtures/kbe-specs, see its README),
// offline reading, and the fallback to the bundle when the network fails. Network failures are made on
// 127.0.0.1 by rewriting raw.githubusercontent.com to a closed or silent local port through the injectable
// fetchUrl, so no test leaves the machine.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

import {fetchUrlText, type FetchUrl} from '../../src/io/http.js'
import {decodeManifestStream} from '../../src/io/manifest-decode.js'
import {readManifests, type ReadOptions} from '../../src/io/manifests.js'
import {resolveTutorialUrl, TUTORIAL_REPOS} from '../../src/io/tutorial-urls.js'

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures')
const RAW = 'https://raw.githubusercontent.com'

function bundled(folder: string, file: string): Array<Record<string, unknown>> {
  const text = fs.readFileSync(path.join(fixturesDir, 'kbe-specs', folder, file), 'utf8')
  return decodeManifestStream(text, file).flatMap((item) => ('object' in item ? [item.object] : []))
}

const neverFetch: FetchUrl = async (url) => assert.fail(`fetched ${url}`)

function options(extra: Partial<ReadOptions> = {}): ReadOptions {
  return {readStdin: async () => '', offline: true, note: () => assert.fail('unexpected note'), fixturesDir, fetchUrl: neverFetch, ...extra}
}

async function readError(urls: string[], extra: Partial<ReadOptions>): Promise<string> {
  try {
    await readManifests(urls, options(extra))
  } catch (error) {
    return (error as Error).message
  }
  return assert.fail('expected an error')
}

describe('tutorial URLs: mapping to the bundled specs', () => {
  const cases: Array<{given: string; want: {folder: string; path: string; rawUrl: string} | undefined}> = [
    {
      given: `${RAW}/mhausenblas/kbe/master/specs/services/rc.yaml`,
      want: {folder: 'master', path: 'services/rc.yaml', rawUrl: `${RAW}/mhausenblas/kbe/master/specs/services/rc.yaml`},
    },
    {
      given: `${RAW}/openshift-evangelists/kbe/master/specs/pods/pod.yaml`,
      want: {folder: 'master', path: 'pods/pod.yaml', rawUrl: `${RAW}/openshift-evangelists/kbe/master/specs/pods/pod.yaml`},
    },
    {
      given: `${RAW}/openshift-evangelists/kbe/main/specs/pv/pv.yaml`,
      want: {folder: 'main', path: 'pv/pv.yaml', rawUrl: `${RAW}/openshift-evangelists/kbe/main/specs/pv/pv.yaml`},
    },
    {
      given: `${RAW}/mhausenblas/mehdb/master/app.yaml`,
      want: {folder: 'mehdb-master', path: 'app.yaml', rawUrl: `${RAW}/mhausenblas/mehdb/master/app.yaml`},
    },
    {
      given: `${RAW}/openshift-evangelists/mehdb/main/app.yaml`,
      want: {folder: 'mehdb-main', path: 'app.yaml', rawUrl: `${RAW}/openshift-evangelists/mehdb/main/app.yaml`},
    },
    {
      given: 'https://github.com/openshift-evangelists/kbe/blob/main/specs/services/svc.yaml',
      want: {folder: 'main', path: 'services/svc.yaml', rawUrl: `${RAW}/openshift-evangelists/kbe/main/specs/services/svc.yaml`},
    },
    {
      given: 'https://github.com/mhausenblas/kbe/blob/master/specs/deployments/d09.yaml',
      want: {folder: 'master', path: 'deployments/d09.yaml', rawUrl: `${RAW}/mhausenblas/kbe/master/specs/deployments/d09.yaml`},
    },
    {
      given: `http://raw.githubusercontent.com/MHausenblas/KBE/master/specs/rcs/rc.yaml`,
      want: {folder: 'master', path: 'rcs/rc.yaml', rawUrl: `${RAW}/MHausenblas/KBE/master/specs/rcs/rc.yaml`},
    },
    {given: `${RAW}/mhausenblas/kbe/main/specs/services/rc.yaml`, want: undefined},
    {given: `${RAW}/someone/kbe/master/specs/services/rc.yaml`, want: undefined},
    {given: `${RAW}/openshift-evangelists/kbe/main/content/pods.md`, want: undefined},
    {given: 'https://github.com/openshift-evangelists/kbe/tree/main/specs/services', want: undefined},
    {given: `${RAW}/openshift-evangelists/kbe/main/specs/../README.md`, want: undefined},
    {given: `${RAW}/openshift-evangelists/kbe/main/specs/services/rc.yaml?token=x`, want: undefined},
    {given: 'https://example.com/openshift-evangelists/kbe/main/specs/services/rc.yaml', want: undefined},
  ]
  for (const {given, want} of cases) {
    it(`${given} → ${want ? `${want.folder}/${want.path}` : 'not a tutorial URL'}`, () => {
      assert.deepEqual(resolveTutorialUrl(given), want)
    })
  }
})

describe('tutorial URLs: offline reading from the bundle', () => {
  for (const repo of TUTORIAL_REPOS) {
    const file = repo.repo === 'kbe' ? 'services/rc.yaml' : 'app.yaml'
    for (const url of [
      `${RAW}/${repo.owner}/${repo.repo}/${repo.branch}/${repo.prefix}${file}`,
      `https://github.com/${repo.owner}/${repo.repo}/blob/${repo.branch}/${repo.prefix}${file}`,
    ]) {
      it(`${url} is served from ${repo.folder}/${file}`, async () => {
        const documents = await readManifests([url], options())
        assert.deepEqual(
          documents,
          bundled(repo.folder, file).map((object) => ({source: url, object})),
        )
      })
    }
  }

  it('serves each era its own text (master: mhausenblas images, main: quay.io)', async () => {
    const image = async (url: string) => {
      const [{object}] = await readManifests([url], options())
      return (object as {spec: {template: {spec: {containers: Array<{image: string}>}}}}).spec.template.spec.containers[0].image
    }
    assert.equal(await image(`${RAW}/mhausenblas/kbe/master/specs/services/rc.yaml`), 'mhausenblas/simpleservice:0.5.0')
    assert.equal(await image(`${RAW}/openshift-evangelists/kbe/main/specs/services/rc.yaml`), 'quay.io/openshiftlabs/simpleservice:0.5.0')
  })

  it('answers 404 for a tutorial file kbe has no copy of (master/ has no pv/pv.yaml)', async () => {
    const url = `${RAW}/openshift-evangelists/kbe/master/specs/pv/pv.yaml`
    assert.equal(await readError([url], {}), `unable to read URL "${url}", server reported 404 Not Found, status code=404`)
  })

  it('refuses other URLs without touching the network', async () => {
    assert.equal(
      await readError(['https://example.com/pod.yaml'], {}),
      'unable to read URL "https://example.com/pod.yaml": kbe is offline and serves only the tutorial\'s spec URLs',
    )
  })
})

describe('tutorial URLs: falling back to the bundle when the network fails', () => {
  let server: http.Server
  let base: string
  let closedBase: string
  const served = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: served-online\n'

  before(async () => {
    server = http.createServer((request, response) => {
      if (request.url === '/slow/openshift-evangelists/kbe/main/specs/services/rc.yaml') return
      if (request.url?.endsWith('/specs/services/rc.yaml')) return void response.end(served)
      response.writeHead(404).end('404: Not Found')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    closedBase = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`
    await new Promise((resolve) => closed.close(resolve))
  })
  after(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  /** Sends raw.githubusercontent.com requests to `target` instead, keeping everything else as is. */
  const rewriteTo = (target: () => string): FetchUrl => (url, limits) => fetchUrlText(url.replace(RAW, target()), limits)
  const rcUrl = `${RAW}/openshift-evangelists/kbe/main/specs/services/rc.yaml`

  it('uses the network when it answers', async () => {
    const documents = await readManifests([rcUrl], options({offline: false, fetchUrl: rewriteTo(() => base)}))
    assert.equal((documents[0].object.metadata as {name: string}).name, 'served-online')
  })

  it('reads a blob link through its raw twin', async () => {
    const fetched: string[] = []
    const fetchUrl: FetchUrl = async (url) => (fetched.push(url), served)
    await readManifests(['https://github.com/openshift-evangelists/kbe/blob/main/specs/services/rc.yaml'], options({offline: false, fetchUrl}))
    assert.deepEqual(fetched, [rcUrl])
  })

  it('falls back when the connection is refused, with one note per URL', async () => {
    const notes: string[] = []
    const documents = await readManifests(
      [rcUrl, rcUrl],
      options({offline: false, fetchUrl: rewriteTo(() => closedBase), note: (line) => notes.push(line)}),
    )
    assert.deepEqual(documents, [...bundled('main', 'services/rc.yaml'), ...bundled('main', 'services/rc.yaml')].map((object) => ({source: rcUrl, object})))
    assert.deepEqual(notes, [`note: ${rcUrl} is unreachable; using kbe's bundled copy of the tutorial's spec`])
  })

  it('falls back when the server does not answer in time', async () => {
    const notes: string[] = []
    const documents = await readManifests(
      [rcUrl],
      options({offline: false, timeoutMs: 200, fetchUrl: rewriteTo(() => `${base}/slow`), note: (line) => notes.push(line)}),
    )
    assert.equal(documents.length, 1)
    assert.equal(notes.length, 1)
  })

  it('does not fall back on a 404: the server answered', async () => {
    const url = `${RAW}/openshift-evangelists/kbe/main/specs/pods/pod.yaml`
    const message = await readError([url], {offline: false, fetchUrl: rewriteTo(() => base)})
    assert.equal(message, `unable to read URL "${base}/openshift-evangelists/kbe/main/specs/pods/pod.yaml", server reported 404 Not Found, status code=404`)
  })

  it('keeps the original error for a tutorial file kbe has no copy of', async () => {
    const url = `${RAW}/openshift-evangelists/kbe/main/specs/nope/nope.yaml`
    const message = await readError([url], {offline: false, fetchUrl: rewriteTo(() => closedBase)})
    assert.equal(message, `The connection to the server ${closedBase.slice('http://'.length)} was refused - did you specify the right host or port?`)
  })

  it('never falls back for other URLs', async () => {
    const message = await readError([`${closedBase}/services/rc.yaml`], {offline: false, fetchUrl: undefined, httpAttempts: 1})
    assert.equal(message, `The connection to the server ${closedBase.slice('http://'.length)} was refused - did you specify the right host or port?`)
  })
})
