// kbe curl and kbe exec against a real (subprocess) kbe with a pinned clock and seed: the tutorial's
// rcsise + simpleservice, a Service without endpoints, a two-container pod (simpleservice + centos:7
// with downward-API env) and an nginx pod. Every outcome is a golden file: the command, its exit
// code, stdout and stderr byte for byte.
import fs from 'node:fs'
import path from 'node:path'
import {expectGolden} from '../helpers/golden.js'
import {runKbe, tempHome, type KbeResult} from '../helpers/kbe.js'

const T0 = Date.parse('2026-11-25T16:30:00Z')
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString()
const NOW = at(90)

const EXTRA = `apiVersion: v1
kind: Service
metadata:
  name: nobody
spec:
  selector:
    app: nobody
  ports:
  - port: 80
    targetPort: 9876
---
apiVersion: v1
kind: Pod
metadata:
  name: twocontainers
spec:
  containers:
  - name: sise
    image: mhausenblas/simpleservice:0.5.0
    ports:
    - containerPort: 9876
    env:
    - name: MY_POD_IP
      valueFrom:
        fieldRef:
          fieldPath: status.podIP
    - name: MY_NODE
      valueFrom:
        fieldRef:
          fieldPath: spec.nodeName
    - name: GREETING
      value: hello from $(MY_POD_IP)
  - name: shell
    image: centos:7
    command: ["bin/bash", "-c", "while true; do sleep 5; done"]
---
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx
`

/** Renders one run for a golden file. */
export function render(args: string[], r: KbeResult): string {
  return `$ kbe ${args.join(' ')}\n[exit ${r.code}]\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`
}

describe('kbe curl and kbe exec (traffic)', function () {
  this.timeout(60_000)
  let home: string
  const vips: Record<string, string> = {}
  const kbe = (args: string[], extra: {stdin?: string} = {}) => runKbe(args, {home, seed: 7, now: NOW, ...extra})

  before(async () => {
    home = tempHome('kbe-traffic-')
    const file = path.join(home, 'extra.yaml')
    fs.writeFileSync(file, EXTRA)
    await runKbe(['create', '-f', 'https://raw.githubusercontent.com/mhausenblas/kbe/master/specs/services/rc.yaml'], {home, seed: 7, now: at(0)})
    await runKbe(['create', '-f', 'https://raw.githubusercontent.com/mhausenblas/kbe/master/specs/services/svc.yaml'], {home, seed: 7, now: at(2)})
    await runKbe(['create', '-f', file], {home, seed: 7, now: at(4)})
    for (const svc of ['simpleservice', 'nobody']) vips[svc] = (await kbe(['get', 'svc', svc, '-o', 'jsonpath={.spec.clusterIP}'])).stdout
  })
  after(() => fs.rmSync(home, {recursive: true, force: true}))

  const CURL: {name: string; args: (v: typeof vips) => string[]}[] = [
    {name: 'pod-ip-piped-meter', args: () => ['curl', '172.17.0.3:9876/info']},
    {name: 'vip-silent', args: (v) => ['curl', '-s', `${v.simpleservice}:80/info`]},
    {name: 'vip-include', args: (v) => ['curl', '-s', '-i', `${v.simpleservice}/info`]},
    {name: 'vip-verbose', args: (v) => ['curl', '-v', `${v.simpleservice}/info`]},
    {name: 'vip-modern-trace', args: (v) => ['curl', '-s', '--trace', '--style', 'modern', `${v.simpleservice}/info`]},
    {name: 'vip-tutorial-trace', args: (v) => ['curl', '-s', '--trace', `${v.simpleservice}/info`]},
    {name: 'no-endpoints-reject', args: (v) => ['curl', `${v.nobody}/info`]},
    {name: 'no-endpoints-reject-trace', args: (v) => ['curl', '-sS', '--trace', `${v.nobody}/info`]},
    {name: 'unowned-timeout', args: () => ['curl', '-sS', '-m', '2', '172.30.0.99/info']},
    {name: 'dns-from-node', args: () => ['curl', '-sS', 'simpleservice/info']},
    {name: 'bad-style', args: () => ['curl', '--style', 'old', '172.17.0.3:9876/info']},
    {name: 'not-simulated-option', args: () => ['curl', '-L', '172.17.0.3:9876/info']},
  ]
  for (const c of CURL) {
    it(`curl: ${c.name}`, async () => {
      const args = c.args(vips)
      expectGolden('traffic', `curl-${c.name}`, render(args, await kbe(args)))
    })
  }

  const EXEC: {name: string; args: (v: typeof vips) => string[]; stdin?: string}[] = [
    {name: 'printenv-defaulted', args: () => ['exec', 'twocontainers', '--', 'printenv']},
    {name: 'printenv-one', args: () => ['exec', 'twocontainers', '-c', 'sise', '--', 'printenv', 'GREETING', 'MY_NODE']},
    {name: 'printenv-missing', args: () => ['exec', 'twocontainers', '-c', 'sise', '--', 'printenv', 'NOPE']},
    {name: 'env-centos', args: () => ['exec', 'twocontainers', '-c', 'shell', '--', 'env']},
    {name: 'hostname', args: () => ['exec', 'twocontainers', '-c', 'shell', '--', 'hostname']},
    {name: 'hosts', args: () => ['exec', 'twocontainers', '-c', 'shell', '--', 'cat', '/etc/hosts']},
    {name: 'resolv-conf', args: () => ['exec', 'twocontainers', '-c', 'shell', '--', 'cat', '/etc/resolv.conf']},
    {name: 'cat-missing', args: () => ['exec', 'twocontainers', '-c', 'shell', '--', 'cat', '/nope']},
    {name: 'ls-root-centos', args: () => ['exec', 'twocontainers', '-c', 'shell', '--', 'ls', '/']},
    {name: 'echo', args: () => ['exec', 'twocontainers', '-c', 'shell', '--', 'echo', 'hello', 'world']},
    {name: 'true', args: () => ['exec', 'twocontainers', '-c', 'shell', '--', 'true']},
    {name: 'false', args: () => ['exec', 'twocontainers', '-c', 'shell', '--', 'false']},
    {name: 'ping-vip', args: () => ['exec', '-it', 'twocontainers', '-c', 'shell', '--', 'ping', 'simpleservice']},
    {name: 'ping-fqdn-count', args: () => ['exec', 'twocontainers', '-c', 'shell', '--', 'ping', '-c', '2', 'simpleservice.default.svc.cluster.local']},
    {name: 'ping-pod', args: () => ['exec', 'twocontainers', '-c', 'shell', '--', 'ping', '-c', '3', '172.17.0.3']},
    {name: 'ping-unknown', args: () => ['exec', 'twocontainers', '-c', 'shell', '--', 'ping', 'nope']},
    {name: 'curl-service-name', args: () => ['exec', 'twocontainers', '-c', 'shell', '-t', '--', 'curl', '-s', 'simpleservice/info']},
    {name: 'curl-localhost', args: () => ['exec', 'twocontainers', '-c', 'shell', '--', 'curl', '-s', 'localhost:9876/info']},
    {name: 'curl-trace-own-pod', args: () => ['exec', 'twocontainers', '-c', 'shell', '--', 'curl', '-s', '--trace', '127.0.0.1:9876/info']},
    {name: 'curl-no-endpoints', args: () => ['exec', 'twocontainers', '-c', 'shell', '--', 'curl', '-sS', 'nobody/info']},
    {name: 'curl-unknown-name', args: () => ['exec', 'twocontainers', '-c', 'shell', '--', 'curl', '-sS', 'nosuch/info']},
    {name: 'curl-in-nginx', args: () => ['exec', 'web', '--', 'curl', 'localhost']},
    {name: 'direct-unknown-command', args: () => ['exec', 'twocontainers', '-c', 'shell', '--', 'foo']},
    {name: 'bash-unknown-command', args: () => ['exec', 'twocontainers', '-c', 'shell', '--', 'bash', '-c', 'foo']},
    {name: 'sh-unknown-command-debian', args: () => ['exec', 'twocontainers', '-c', 'sise', '--', 'sh', '-c', 'foo --bar']},
    {name: 'sh-exit-code', args: () => ['exec', 'twocontainers', '-c', 'sise', '--', 'sh', '-c', 'exit 3']},
    {name: 'sh-expands-env', args: () => ['exec', 'twocontainers', '-c', 'sise', '--', 'sh', '-c', 'echo "$GREETING" on $HOSTNAME']},
    {name: 'stdin-shell', args: () => ['exec', '-i', 'twocontainers', '-c', 'shell', '--', 'bash'], stdin: 'hostname\ncurl -s simpleservice/info\necho\nexit 4\necho never\n'},
    {name: 'tty-without-terminal', args: () => ['exec', '-it', 'twocontainers', '-c', 'shell', '--', 'hostname'], stdin: ''},
    {name: 'unknown-container', args: () => ['exec', 'twocontainers', '-c', 'x', '--', 'ls']},
    {name: 'quiet-no-default-notice', args: () => ['exec', '-q', 'twocontainers', '--', 'hostname']},
    {name: 'missing-pod', args: () => ['exec', 'nope', '--', 'ls']},
    {name: 'old-form', args: () => ['exec', 'twocontainers', 'ls']},
    {name: 'no-command', args: () => ['exec', 'twocontainers']},
    {name: 'no-pod', args: () => ['exec']},
    {name: 'unknown-flag', args: () => ['exec', '-x', 'twocontainers', '--', 'ls']},
    {name: 'flag-needs-value', args: () => ['exec', 'twocontainers', '-c']},
    {name: 'via-service', args: () => ['exec', 'svc/simpleservice', '--', 'hostname']},
  ]
  for (const c of EXEC) {
    it(`exec: ${c.name}`, async () => {
      const args = c.args(vips)
      expectGolden('traffic', `exec-${c.name}`, render(args, await kbe(args, c.stdin === undefined ? {} : {stdin: c.stdin})))
    })
  }
})
