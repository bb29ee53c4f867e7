// `kbe run`: the Pod kubectl v1.32 builds (compared with `kubectl run … --dry-run=client -o json` from the
// real kubectl), its messages and errors (exact stderr, exit 1, state file unchanged), and the attached
// `-i/-t --rm` form that runs a command in the simulated container and deletes the pod.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import {buildRunPod, type RunOptions} from '../../src/cli/run.js'
import {itRejects} from '../helpers/bad-input.js'
import {runKbe, tempHome} from '../helpers/kbe.js'

const NOW = '2026-11-25T16:30:00Z'
const SPECS = 'https://raw.githubusercontent.com/mhausenblas/kbe/master/specs'

const base: RunOptions = {args: [], env: [], restart: 'Always', command: false, namespace: 'default', stdin: false, tty: false, rm: false}

/** `kubectl run … --dry-run=client -o json` from kubectl v1.32, without `creationTimestamp: null`. */
const BUILDS: {name: string; given: Partial<RunOptions>; want: unknown}[] = [
  {name: 'the Pods page', given: {args: ['sise'], image: 'mhausenblas/simpleservice:0.5.0', port: '9876', env: ['SIMPLE_SERVICE_VERSION=1.0']},
    want: {kind: 'Pod', apiVersion: 'v1', metadata: {name: 'sise', labels: {run: 'sise'}}, spec: {containers: [{name: 'sise', image: 'mhausenblas/simpleservice:0.5.0', ports: [{containerPort: 9876}], env: [{name: 'SIMPLE_SERVICE_VERSION', value: '1.0'}], resources: {}}], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst'}, status: {}}},
  {name: 'labels, a restart policy and arguments', given: {args: ['x', 'sh', '-c', 'echo hi'], image: 'x', labels: 'app=x,tier=y', restart: 'OnFailure'},
    want: {kind: 'Pod', apiVersion: 'v1', metadata: {name: 'x', labels: {app: 'x', tier: 'y'}}, spec: {containers: [{name: 'x', image: 'x', args: ['sh', '-c', 'echo hi'], resources: {}}], restartPolicy: 'OnFailure', dnsPolicy: 'ClusterFirst'}, status: {}}},
  {name: '--command', given: {args: ['sise', 'sh', '-c', 'echo hi'], image: 'x', port: '9876', env: ['A=1', 'B=2'], labels: 'app=x,tier=y', restart: 'Never', command: true},
    want: {kind: 'Pod', apiVersion: 'v1', metadata: {name: 'sise', labels: {app: 'x', tier: 'y'}}, spec: {containers: [{name: 'sise', image: 'x', command: ['sh', '-c', 'echo hi'], ports: [{containerPort: 9876}], env: [{name: 'A', value: '1'}, {name: 'B', value: '2'}], resources: {}}], restartPolicy: 'Never', dnsPolicy: 'ClusterFirst'}, status: {}}},
  {name: 'an env value holding =', given: {args: ['x'], image: 'x', env: ['A=b=c']},
    want: {kind: 'Pod', apiVersion: 'v1', metadata: {name: 'x', labels: {run: 'x'}}, spec: {containers: [{name: 'x', image: 'x', env: [{name: 'A', value: 'b=c'}], resources: {}}], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst'}, status: {}}},
]

function comparable(value: unknown): Record<string, unknown> {
  const obj = JSON.parse(JSON.stringify(value)) as {metadata: Record<string, unknown>}
  delete obj.metadata.namespace
  // kubectl's JSON key order is Go's struct order: kind, apiVersion, metadata, spec, status.
  const {kind, apiVersion, ...rest} = obj as unknown as Record<string, unknown>
  return {kind, apiVersion, ...rest}
}

describe('kbe run: the pod kubectl builds', () => {
  for (const c of BUILDS) {
    it(c.name, () => assert.equal(JSON.stringify(comparable(buildRunPod({...base, ...c.given}))), JSON.stringify(c.want)))
  }
})

interface Case {
  args: string[]
  stderr: string | ((pid: number) => string)
}

const USAGE = "See 'kbe run -h' for help and examples\n"
const BAD: Case[] = [
  {args: ['run', '--image=x'], stderr: `error: NAME is required for run\n${USAGE}`},
  {args: ['run', 'x'], stderr: (pid) => `E1125 16:30:00.000000 ${String(pid).padStart(7)} run.go:72] "command failed" err="required flag(s) \\"image\\" not set"\n`},
  {args: ['run', 'x', '--image=x', '--restart=Bogus'], stderr: `error: invalid restart policy: Bogus\n${USAGE}`},
  {args: ['run', 'x', '--image=x', '--rm'], stderr: `error: --rm should only be used for attached containers\n${USAGE}`},
  {args: ['run', 'x', '--image=x', '-t'], stderr: `error: -i/--stdin is required for containers with -t/--tty=true\n${USAGE}`},
  {args: ['run', 'x', '--image=x', '--env=FOO'], stderr: 'error: invalid env: FOO\n'},
  {args: ['run', 'x', '--image=x', '--env==x'], stderr: 'error: invalid env: =x\n'},
  {args: ['run', 'x', '--image=x', '--labels=foo'], stderr: 'error: unexpected label spec: foo\n'},
  {args: ['run', 'x', '--image=x', '--labels=a=b=c'], stderr: 'error: unexpected label spec: a=b=c\n'},
  {args: ['run', 'x', '--image=x', '--labels==a'], stderr: 'error: unexpected empty label key\n'},
  {args: ['run', 'x', '--image=x', '--port=abc'], stderr: 'error: strconv.Atoi: parsing "abc": invalid syntax\n'},
  {args: ['run', 'sise', '--image=x'], stderr: 'Error from server (AlreadyExists): pods "sise" already exists\n'},
  {args: ['run', 'x', '--image=x', '-n', 'nope'], stderr: 'Error from server (NotFound): namespaces "nope" not found\n'},
  // The container is named after the pod, so a bad name is reported twice by the apiserver.
  {args: ['run', 'Bad', '--image=x'], stderr: 'The Pod "Bad" is invalid: \n* metadata.name: Invalid value: "Bad": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')\n* spec.containers[0].name: Invalid value: "Bad": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')\n'},
  {args: ['run', 'x', '--image=x', '-it'], stderr: 'error: kbe attaches only to pods it removes afterwards: add --rm, or run the pod without -i/-t and use kbe exec\n'},
]

describe('kbe run', function () {
  this.timeout(60_000)
  let home: string
  before(async () => {
    home = tempHome()
    for (const spec of ['rc.yaml', 'svc.yaml']) {
      const r = await runKbe(['create', '-f', `${SPECS}/sd/${spec}`], {home, now: '2026-11-25T16:29:00Z', seed: 3})
      assert.equal(r.code, 0, r.stderr)
    }
    const r = await runKbe(['run', 'sise', '--image=mhausenblas/simpleservice:0.5.0', '--port=9876'], {home, now: NOW, seed: 3})
    assert.deepEqual({stdout: r.stdout, stderr: r.stderr, code: r.code}, {stdout: 'pod/sise created\n', stderr: '', code: 0})
  })
  after(() => fs.rmSync(home, {recursive: true, force: true}))

  it('labels the pod run=NAME', async () => {
    const r = await runKbe(['get', 'pods', '-l', 'run=sise', '-o', 'name'], {home, now: NOW, seed: 3})
    assert.equal(r.stdout, 'pod/sise\n')
  })

  for (const c of BAD) itRejects(c, () => ({home, now: NOW, seed: 3}))

  it('-it --rm runs the command in the new pod, then deletes it', async () => {
    const r = await runKbe(['run', '-it', '--rm', 'jumpod', '--restart=Never', '--image=centos:7', '--', 'curl', '-s', 'thesvc/info'], {home, now: '2026-11-25T16:31:00Z', seed: 3})
    // jumpod takes the next free pod IP (.2 coredns, .3/.4 rcsise, .5 sise). The test's stdin is no terminal, so kubectl falls back to no TTY (and prints no prompt hint).
    assert.equal(r.stderr, 'Unable to use a TTY - input is not a terminal or the right kind of file\n')
    assert.equal(r.stdout, `{"host": "thesvc", "version": "0.5.0", "from": "172.17.0.6"}pod "jumpod" deleted\n`)
    assert.equal(r.code, 0)
    const after = await runKbe(['get', 'pod', 'jumpod'], {home, now: '2026-11-25T16:31:00Z', seed: 3})
    assert.equal(after.stderr, 'Error from server (NotFound): pods "jumpod" not found\n')
  })

  it('-i --rm ends with the container\'s exit code', async () => {
    const r = await runKbe(['run', '-i', '--rm', 'jumpod', '--restart=Never', '--image=centos:7', '--', 'sh', '-c', 'exit 3'], {home, now: '2026-11-25T16:32:00Z', seed: 3})
    assert.deepEqual({stdout: r.stdout, stderr: r.stderr, code: r.code}, {stdout: 'pod "jumpod" deleted\n', stderr: 'error: pod default/jumpod terminated (Error)\n', code: 3})
  })
})
