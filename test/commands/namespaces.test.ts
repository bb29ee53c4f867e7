// `kbe create namespace` and the namespace lifecycle through the CLI: kubectl's messages, its argument
// errors (exact stderr, exit 1, state unchanged), and `delete ns` taking the namespace's pods with it.
// `create -f` must still answer next to its `create namespace` subcommand.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import {itRejects} from '../helpers/bad-input.js'
import {runKbe, tempHome} from '../helpers/kbe.js'

const NOW = '2026-11-25T16:30:00Z'
const SPECS = 'https://raw.githubusercontent.com/mhausenblas/kbe/master/specs'
const USAGE = "See 'kbe create namespace -h' for help and examples\n"

const BAD: {args: string[]; stderr: string}[] = [
  {args: ['create', 'namespace'], stderr: `error: exactly one NAME is required, got 0\n${USAGE}`},
  {args: ['create', 'namespace', 'a', 'b'], stderr: `error: exactly one NAME is required, got 2\n${USAGE}`},
  {args: ['create', 'namespace', 'test'], stderr: 'Error from server (AlreadyExists): namespaces "test" already exists\n'},
  {args: ['create', 'ns', 'Bad'], stderr: 'The Namespace "Bad" is invalid: metadata.name: Invalid value: "Bad": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')\n'},
  {args: ['delete', 'ns', 'default'], stderr: 'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted\n'},
  {args: ['delete', 'namespace', 'kube-system'], stderr: 'Error from server (Forbidden): namespaces "kube-system" is forbidden: this namespace may not be deleted\n'},
  {args: ['create', '-n', 'nope', '-f', `${SPECS}/ns/pod.yaml`], stderr: `Error from server (NotFound): error when creating "${SPECS}/ns/pod.yaml": namespaces "nope" not found\n`},
  {args: ['create'], stderr: 'error: must specify one of -f and -k\n'},
]

describe('kbe create namespace and namespace deletion', function () {
  this.timeout(60_000)
  let home: string
  const kbe = (args: string[], now = NOW) => runKbe(args, {home, now, seed: 3})
  before(async () => {
    home = tempHome()
    const r = await kbe(['create', 'namespace', 'test'])
    assert.deepEqual({stdout: r.stdout, stderr: r.stderr, code: r.code}, {stdout: 'namespace/test created\n', stderr: '', code: 0})
  })
  after(() => fs.rmSync(home, {recursive: true, force: true}))

  for (const c of BAD) itRejects(c, () => ({home, now: NOW, seed: 3}))

  it('create -f still creates next to the subcommand, and `ns` is an alias', async () => {
    assert.equal((await kbe(['create', '-n', 'test', '-f', `${SPECS}/ns/pod.yaml`])).stdout, 'pod/podintest created\n')
    assert.equal((await kbe(['create', 'ns', 'other'])).stdout, 'namespace/other created\n')
  })

  it('deleting a namespace: Terminating, its pods deleted gracefully, then gone', async () => {
    const at = '2026-11-25T16:30:30Z'
    assert.equal((await kbe(['get', 'pods', '-n', 'test'], at)).stdout, 'NAME        READY   STATUS    RESTARTS   AGE\npodintest   1/1     Running   0          30s\n')
    assert.equal((await kbe(['delete', 'ns', 'test'], at)).stdout, 'namespace "test" deleted\n')
    assert.equal((await kbe(['get', 'ns', 'test'], at)).stdout, 'NAME   STATUS        AGE\ntest   Terminating   30s\n')
    assert.equal((await kbe(['get', 'pods', '-n', 'test'], at)).stdout, 'NAME        READY   STATUS        RESTARTS   AGE\npodintest   1/1     Terminating   0          30s\n')
    const again = await kbe(['delete', 'ns', 'test'], at)
    assert.equal(again.stderr, 'Error from server (Conflict): Operation cannot be fulfilled on namespaces "test": The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.\n')
    const later = '2026-11-25T16:30:35Z'
    assert.equal((await kbe(['get', 'ns', 'test'], later)).stderr, 'Error from server (NotFound): namespaces "test" not found\n')
    assert.equal((await kbe(['get', 'pods', '-n', 'test'], later)).stderr, 'No resources found in test namespace.\n')
    assert.equal((await kbe(['get', 'ns', 'other'], later)).stdout, 'NAME    STATUS   AGE\nother   Active   35s\n')
  })
})
