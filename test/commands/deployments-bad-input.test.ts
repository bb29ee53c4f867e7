// Bad input for apply and rollout, through the real bin/run.js: kubectl's exact stderr (checked against
// kubectl v1.32 through the oracle where kubectl renders it), exit 1, and the state file unchanged.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {itRejects} from '../helpers/bad-input.js'
import {runKbe, tempHome} from '../helpers/kbe.js'

const NOW = '2026-11-25T16:30:00Z'
const D09 = 'https://raw.githubusercontent.com/openshift-evangelists/kbe/main/specs/deployments/d09.yaml'

const DEPLOY = (name: string, extra = '', label = 'sise') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
${extra}  selector:
    matchLabels:
      app: sise
  template:
    metadata:
      labels:
        app: ${label}
    spec:
      containers:
      - name: c
        image: nginx
`

interface Case {
  name: string
  args: string[]
  stderr: string
  files?: Record<string, string>
}

const CASES: Case[] = [
  {name: 'apply without -f', args: ['apply'], stderr: 'error: must specify one of -f and -k\n'},
  {name: 'apply a missing file', args: ['apply', '-f', 'nope.yaml'], stderr: 'error: the path "nope.yaml" does not exist\n'},
  {name: 'apply malformed YAML', args: ['apply', '-f', 'bad.yaml'], files: {'bad.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels\n    app: x\n'},
    stderr: "error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 6: could not find expected ':'\n"},
  {name: 'apply an unknown kind', args: ['apply', '-f', 'foo.yaml'], files: {'foo.yaml': 'apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n'},
    stderr: 'error: resource mapping not found for name: "x" namespace: "" from "foo.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first\n'},
  {name: 'apply a new object with an unknown field', args: ['apply', '-f', 'unknown.yaml'], files: {'unknown.yaml': DEPLOY('fresh', '  foo: 1\n')},
    stderr: 'Error from server (BadRequest): error when creating "unknown.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo"\n'},
  {name: 'apply a deployment whose selector does not match its template', args: ['apply', '-f', 'mismatch.yaml'], files: {'mismatch.yaml': DEPLOY('bad', '', 'x')},
    stderr: 'The Deployment "bad" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`\n'},
  {name: 'apply a template change that breaks the selector', args: ['apply', '-f', 'broken.yaml'], files: {'broken.yaml': DEPLOY('sise-deploy', '', 'x')},
    stderr: 'The Deployment "sise-deploy" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`\n'},
  {name: 'rollout without a resource', args: ['rollout', 'history'], stderr: 'error: required resource not specified\n'},
  {name: 'rollout history of a missing deployment', args: ['rollout', 'history', 'deploy/nope'], stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n'},
  {name: 'rollout history of an unknown type', args: ['rollout', 'history', 'foo/bar'], stderr: 'error: the server doesn\'t have a resource type "foo"\n'},
  {name: 'rollout history of a missing revision', args: ['rollout', 'history', 'deploy/sise-deploy', '--revision=4'], stderr: 'error: unable to find the specified revision\n'},
  {name: 'rollout undo to a missing revision', args: ['rollout', 'undo', 'deploy/sise-deploy', '--to-revision=5'], stderr: 'error: unable to find specified revision 5 in history\n'},
  {name: 'rollout undo without an earlier revision', args: ['rollout', 'undo', 'deploy/sise-deploy'], stderr: 'error: no rollout history found for deployment "sise-deploy"\n'},
  {name: 'rollout undo with a non-number', args: ['rollout', 'undo', 'deploy/sise-deploy', '--to-revision=abc'],
    stderr: 'Error: invalid argument "abc" for "--to-revision" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'kbe rollout undo --help\' for usage.\n'},
  {name: 'rollout history of a service', args: ['rollout', 'history', 'svc/kubernetes'], stderr: 'error: error retrieving history for "Service", no visitor method exists for { Service}\n'},
  {name: 'rollout undo of a service', args: ['rollout', 'undo', 'svc/kubernetes'], stderr: 'error: error retrieving rollbacker for "Service", no visitor method exists for { Service}\n'},
  {name: 'rollout status of a service', args: ['rollout', 'status', 'svc/kubernetes'], stderr: 'error: no status viewer has been implemented for Service\n'},
  {name: 'rollout undo of a replica set', args: ['rollout', 'undo', 'rs/coredns-668d6bf9bc', '-n', 'kube-system'], stderr: 'error: no rollbacker has been implemented for "ReplicaSet.apps"\n'},
  {name: 'rollout history of a namespace', args: ['rollout', 'history', 'ns/default'], stderr: 'error: error retrieving history for "Namespace", no visitor method exists for { Namespace}\n'},
]

describe('bad input: apply and rollout', function () {
  this.timeout(60_000)
  let home: string
  let cwd: string
  before(async () => {
    home = tempHome()
    cwd = path.join(home, 'work')
    fs.mkdirSync(cwd)
    const r = await runKbe(['apply', '-f', D09], {home, now: NOW, seed: 3})
    assert.equal(r.stdout, 'deployment.apps/sise-deploy created\n', r.stderr)
  })
  after(() => fs.rmSync(home, {recursive: true, force: true}))

  for (const c of CASES) itRejects(c, () => ({home, now: NOW, seed: 3, cwd}))

  it('rollout status --timeout gives up in model time', async () => {
    const r = await runKbe(['rollout', 'status', 'deploy/sise-deploy', '--timeout=1s'], {home, now: NOW, seed: 3})
    assert.deepEqual([r.stdout, r.stderr, r.code], ['Waiting for deployment "sise-deploy" rollout to finish: 0 of 2 updated replicas are available...\n', 'error: timed out waiting for the condition\n', 1])
  })

  it('rollout status --watch=false prints the current state once', async () => {
    const r = await runKbe(['rollout', 'status', 'deploy/sise-deploy', '--watch=false'], {home, now: NOW, seed: 3})
    assert.deepEqual([r.stdout, r.stderr, r.code], ['Waiting for deployment "sise-deploy" rollout to finish: 0 of 2 updated replicas are available...\n', '', 0])
  })
})
