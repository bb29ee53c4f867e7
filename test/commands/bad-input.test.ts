// Bad input, through the real bin/run.js: each case asserts kubectl's exact stderr, exit code 1 and
// that the cluster's state file is byte for byte what it was before the command.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {itRejects} from '../helpers/bad-input.js'
import {runKbe, tempHome} from '../helpers/kbe.js'

const NOW = '2026-11-25T16:30:00Z'
const SPECS = 'https://raw.githubusercontent.com/mhausenblas/kbe/master/specs'

interface Case {
  name: string
  args: string[]
  stderr: string
  stdout?: string
  files?: Record<string, string>
  stdin?: string
  env?: Record<string, string>
}

const POD = (extra: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx
${extra}`

const CASES: Case[] = [
  {name: 'get without a type', args: ['get'], stderr: `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kbe get -h' for help and examples
`},
  {name: 'unknown resource type', args: ['get', 'foos'], stderr: 'error: the server doesn\'t have a resource type "foos"\n'},
  {name: 'missing pod', args: ['get', 'pods', 'nope'], stderr: 'Error from server (NotFound): pods "nope" not found\n'},
  {name: 'bad selector', args: ['get', 'pods', '-l', 'a in ('], stderr: 'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a in (", field selector "": unable to parse requirement: found \'\', expected: \',\', \')\' or identifier\n'},
  {name: 'unknown output format', args: ['get', 'pods', '-o', 'foo'], stderr: 'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n'},
  {name: 'removed flag --show-all', args: ['get', 'pods', '--show-all'], stderr: "Error: unknown flag: --show-all\nSee 'kbe get --help' for usage.\n"},
  {name: 'unknown shorthand flag', args: ['get', 'pods', '-z'], stderr: "Error: unknown shorthand flag: 'z' in -z\nSee 'kbe get --help' for usage.\n"},
  {name: 'unknown command', args: ['frobnicate'], stderr: 'Error: unknown command "frobnicate" for "kbe"\n'},
  {name: 'unknown command with a suggestion', args: ['gett', 'pods'], stderr: 'Error: unknown command "gett" for "kbe"\n\nDid you mean this?\n\tget\n\n'},
  {name: 'resource/name with two slashes', args: ['get', 'pods/a/b'], stderr: 'error: arguments in resource/name form may not have more than one slash\n'},
  {name: 'resource/ without a name', args: ['get', 'pods/'], stderr: 'error: arguments in resource/name form must have a single resource and name\n'},
  {name: 'create without -f', args: ['create'], stderr: 'error: must specify one of -f and -k\n'},
  {name: 'create from a missing file', args: ['create', '-f', 'nope.yaml'], stderr: 'error: the path "nope.yaml" does not exist\n'},
  {name: 'create an unknown kind', args: ['create', '-f', 'foo.yaml'], files: {'foo.yaml': 'apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n'},
    stderr: 'error: resource mapping not found for name: "x" namespace: "" from "foo.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first\n'},
  {name: 'create with an unknown field', args: ['create', '-f', 'pod.yaml'], files: {'pod.yaml': POD('  foo: bar\n')},
    stderr: 'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.foo"\n'},
  {name: 'create with an invalid name', args: ['create', '-f', 'pod.yaml'], files: {'pod.yaml': POD('').replace('name: p', 'name: MyPod')},
    stderr: 'The Pod "MyPod" is invalid: metadata.name: Invalid value: "MyPod": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')\n'},
  {name: 'service port 0', args: ['create', '-f', 'svc.yaml'], files: {'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: badsvc\nspec:\n  ports:\n  - port: 0\n'},
    stderr: 'The Service "badsvc" is invalid: \n* spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n* spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive\n'},
  {name: 'rc selector does not match the template', args: ['create', '-f', 'rc.yaml'],
    files: {'rc.yaml': 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: rcsise\nspec:\n  selector:\n    app: sise\n  template:\n    metadata:\n      labels:\n        app: x\n    spec:\n      containers:\n      - name: c\n        image: nginx\n'},
    stderr: 'The ReplicationController "rcsise" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`\n'},
  {name: 'malformed YAML (a key without its colon)', args: ['create', '-f', 'bad.yaml'], files: {'bad.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels\n    app: x\n'},
    stderr: "error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 6: could not find expected ':'\n"},
  {name: 'malformed YAML (a mis-indented key)', args: ['create', '-f', 'bad.yaml'], files: {'bad.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n   labels:\n    app: x\n'},
    stderr: 'error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n'},
  {name: 'namespace that does not exist', args: ['create', '-n', 'test', '-f', 'pod.yaml'], files: {'pod.yaml': POD('')},
    stderr: 'Error from server (NotFound): error when creating "pod.yaml": namespaces "test" not found\n'},
  {name: 'namespace disagreeing with -n', args: ['create', '-n', 'other', '-f', 'pod.yaml'], files: {'pod.yaml': POD('').replace('name: p', 'name: p\n  namespace: default')},
    stderr: 'error: the namespace from the provided object "default" does not match the namespace "other". You must pass \'--namespace=default\' to perform this operation.\n'},
  {name: 'create the same twice', args: ['create', '-f', `${SPECS}/services/svc.yaml`],
    stderr: `Error from server (AlreadyExists): error when creating "${SPECS}/services/svc.yaml": services "simpleservice" already exists\n`},
  {name: 'invalid label value', args: ['create', '-f', 'pod.yaml'], files: {'pod.yaml': POD('').replace('name: p', 'name: p\n  labels:\n    app: "not ok"')},
    stderr: 'The Pod "p" is invalid: metadata.labels: Invalid value: "not ok": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')\n'},
  {name: 'clusterIP already allocated', args: ['create', '-f', 'svc.yaml'], files: {'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: taken\nspec:\n  clusterIP: 172.30.0.1\n  ports:\n  - port: 80\n'},
    stderr: 'The Service "taken" is invalid: spec.clusterIPs: Invalid value: []string{"172.30.0.1"}: failed to allocate IP 172.30.0.1: provided IP is already allocated\n'},
  {name: 'clusterIP outside the service range', args: ['create', '-f', 'svc.yaml'], files: {'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: far\nspec:\n  clusterIP: 10.0.0.7\n  ports:\n  - port: 80\n'},
    stderr: 'The Service "far" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.7"}: failed to allocate IP 10.0.0.7: the provided IP (10.0.0.7) is not in the valid range. The range of valid IPs is 172.30.0.0/16\n'},
  {name: 'scale with a negative count', args: ['scale', '--replicas=-1', 'rc/rcsise'], stderr: 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n'},
  {name: 'scale with a non-number', args: ['scale', '--replicas=abc', 'rc/rcsise'], stderr: 'Error: invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'kbe scale --help\' for usage.\n'},
  {name: 'scale a missing rc', args: ['scale', '--replicas=2', 'rc/nope'], stderr: 'error: no objects passed to scale replicationcontrollers "nope" not found\n'},
  {name: 'scale without a resource', args: ['scale', '--replicas=2'], stderr: "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"},
  {name: 'delete without arguments', args: ['delete'], stderr: "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"},
  {name: 'delete a type without a name', args: ['delete', 'rc'], stderr: 'error: resource(s) were provided, but no name was specified\n'},
  {name: 'delete a missing rc', args: ['delete', 'rc', 'nope'], stderr: 'Error from server (NotFound): replicationcontrollers "nope" not found\n'},
  {name: 'unknown iptables table (tutorial, legacy)', args: ['iptables-save', '-t', 'foo'], stderr: 'iptables-save v1.8.9 (legacy): Cannot initialize: Table does not exist (do you need to insmod?)\n'},
  {name: 'unknown iptables table (modern, nft)', args: ['iptables-save', '-t', 'foo', '--style=modern'], stderr: "Table `foo' does not exist\n"},
  {name: 'unknown kube-proxy style', args: ['iptables-save', '--style=bogus'], stderr: 'error: invalid argument "bogus" for "--style" flag: must be one of: tutorial, modern\n'},
  {name: 'iptables-save takes no arguments', args: ['iptables-save', 'nat'], stderr: "error: Unexpected args: [nat]\nSee 'kbe iptables-save -h' for help and examples\n"},
  {name: 'bad KBE_NOW', args: ['get', 'pods'], env: {KBE_NOW: 'yesterday'}, stderr: 'error: KBE_NOW="yesterday" is not an RFC 3339 time (e.g. 2026-11-25T16:30:00Z)\n'},
]

describe('bad input: kubectl errors, exit 1, state unchanged', function () {
  this.timeout(60_000)
  let home: string
  let cwd: string
  before(async () => {
    home = tempHome()
    cwd = path.join(home, 'work')
    fs.mkdirSync(cwd)
    for (const spec of ['rc.yaml', 'svc.yaml']) {
      const r = await runKbe(['create', '-f', `${SPECS}/services/${spec}`], {home, now: NOW, seed: 3})
      assert.equal(r.code, 0, r.stderr)
    }
  })
  after(() => fs.rmSync(home, {recursive: true, force: true}))

  for (const c of CASES) itRejects(c, () => ({home, now: NOW, seed: 3, cwd}))

  it('an explicit clusterIP in the range is honoured', async () => {
    fs.writeFileSync(path.join(cwd, 'pinned.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: pinned\nspec:\n  clusterIP: 172.30.228.255\n  selector:\n    app: sise\n  ports:\n  - port: 80\n    targetPort: 9876\n')
    const r = await runKbe(['create', '-f', 'pinned.yaml'], {home, now: NOW, seed: 3, cwd})
    assert.equal(r.stdout, 'service/pinned created\n')
    const get = await runKbe(['get', 'svc', 'pinned'], {home, now: NOW, seed: 3})
    assert.equal(get.stdout, 'NAME     TYPE        CLUSTER-IP       EXTERNAL-IP   PORT(S)   AGE\npinned   ClusterIP   172.30.228.255   <none>        80/TCP    0s\n')
    const del = await runKbe(['delete', 'svc', 'pinned'], {home, now: NOW, seed: 3})
    assert.equal(del.stdout, 'service "pinned" deleted\n')
  })

  it('an unreachable URL (connection refused on 127.0.0.1)', async () => {
    const server = http.createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const {port} = server.address() as AddressInfo
    await new Promise((resolve) => server.close(resolve))
    const url = `http://127.0.0.1:${port}/rc.yaml`
    const r = await runKbe(['create', '-f', url], {home, now: NOW, seed: 3, offline: false})
    assert.equal(r.code, 1)
    assert.equal(r.stderr, `The connection to the server 127.0.0.1:${port} was refused - did you specify the right host or port?\n`)
  })
})

