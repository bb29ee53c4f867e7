// The Linux kernel agrees with kbe's model: in private network namespaces shaped like the
// minikube node (eth0 10.0.2.15 with the default route and eth1 192.168.99.100, veths to nowhere, the
// docker0 bridge 172.17.0.1/16 and one namespace per pod on a veth), the rules `kbe iptables-save`
// prints are loaded with iptables-restore, a TCP listener runs in every pod, and connections from
// the node to the Service VIP must land on the endpoints the model can pick, with the source
// address the model says; a Service without endpoints must be refused. Runs only as root with
// `ip` and `iptables-restore`; every wait is bounded, traffic never leaves the namespaces made
// here, and they are deleted even when a check fails. Pod-to-VIP cases need br_netfilter (a
// host-wide setting), so they are left to the model's own tests.
import assert from 'node:assert/strict'
import {execFileSync, spawn, type ChildProcess} from 'node:child_process'
import type {Endpoints, Service} from '../../src/api/types.js'
import {buildRuleSet} from '../../src/net/kube-proxy/model.js'
import {renderIptables} from '../../src/net/kube-proxy/render.js'
import {tracePacket} from '../../src/net/trace/tracer.js'
import {Sfc32, seedState} from '../../src/util/random.js'
import {freshCluster, proxyInput, simpleEndpoints, simpleservice} from '../unit/kube-proxy-fixtures.js'

const VIP = '172.30.228.255'
const POD_IPS = ['172.17.0.3', '172.17.0.4', '172.17.0.5']
const CONNECTIONS = 30
const TIMEOUT_MS = 15_000

function run(args: string[], input?: string): string {
  return execFileSync(args[0], args.slice(1), {input, timeout: TIMEOUT_MS, stdio: ['pipe', 'pipe', 'pipe']}).toString()
}

function tryRun(args: string[]): boolean {
  try {
    run(args)
    return true
  } catch {
    return false
  }
}

/** Returns why the kernel test cannot run here, or undefined when it can. */
function unavailable(): string | undefined {
  if (process.platform !== 'linux') return 'not Linux'
  if (process.getuid?.() !== 0) return 'not root'
  if (!tryRun(['ip', '-V']) || !tryRun(['iptables-restore', '--version'])) return '`ip` or `iptables-restore` missing'
  const probe = `kbe-probe-${process.pid}`
  if (!tryRun(['ip', 'netns', 'add', probe])) return 'cannot create network namespaces'
  tryRun(['ip', 'netns', 'del', probe])
  return undefined
}

const SERVER = `const net=require('net');net.createServer((s)=>{s.end(s.localAddress+' '+s.remoteAddress+'\\n')}).listen(9876,'0.0.0.0',()=>console.log('ready'))`
const CLIENT = `const net=require('net');const n=${CONNECTIONS};const out=[];
function one(i){if(i===n){console.log(JSON.stringify(out));return}
const s=net.connect({host:'${VIP}',port:80});let data='';const t=setTimeout(()=>{out.push({error:'timeout'});s.destroy();one(i+1)},2000);
s.on('data',(d)=>data+=d);s.on('end',()=>{clearTimeout(t);out.push({answer:data.trim()});one(i+1)});
s.on('error',(e)=>{clearTimeout(t);out.push({error:e.code});one(i+1)})}
one(0)`

class Topology {
  readonly node: string
  readonly pods: string[]
  private readonly servers: ChildProcess[] = []

  constructor(tag: string, readonly ips: string[]) {
    this.node = `kbe-node-${tag}`
    this.pods = ips.map((_, i) => `kbe-pod${i}-${tag}`)
  }

  setUp(): void {
    const n = ['ip', '-n', this.node]
    run(['ip', 'netns', 'add', this.node])
    run([...n, 'link', 'set', 'lo', 'up'])
    for (const [dev, cidr] of [['eth0', '10.0.2.15/24'], ['eth1', '192.168.99.100/24']]) {
      // A veth whose peer stays in the node namespace without an address: what is sent there goes nowhere.
      run([...n, 'link', 'add', dev, 'type', 'veth', 'peer', 'name', `${dev}p`])
      run([...n, 'addr', 'add', cidr, 'dev', dev])
      run([...n, 'link', 'set', dev, 'up'])
      run([...n, 'link', 'set', `${dev}p`, 'up'])
    }
    run([...n, 'route', 'add', 'default', 'via', '10.0.2.2', 'dev', 'eth0'])
    run([...n, 'link', 'add', 'docker0', 'type', 'bridge'])
    run([...n, 'addr', 'add', '172.17.0.1/16', 'dev', 'docker0'])
    run([...n, 'link', 'set', 'docker0', 'up'])
    this.ips.forEach((ip, i) => this.addPod(this.pods[i], ip, `veth${i}`))
  }

  private addPod(ns: string, ip: string, veth: string): void {
    run(['ip', 'netns', 'add', ns])
    run(['ip', '-n', this.node, 'link', 'add', veth, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns])
    run(['ip', '-n', this.node, 'link', 'set', veth, 'master', 'docker0', 'up'])
    run(['ip', '-n', ns, 'addr', 'add', `${ip}/16`, 'dev', 'eth0'])
    run(['ip', '-n', ns, 'link', 'set', 'eth0', 'up'])
    run(['ip', '-n', ns, 'link', 'set', 'lo', 'up'])
    run(['ip', '-n', ns, 'route', 'add', 'default', 'via', '172.17.0.1'])
  }

  loadRules(text: string): void {
    run(['ip', 'netns', 'exec', this.node, 'iptables-restore'], text)
  }

  async startServers(): Promise<void> {
    for (const ns of this.pods) {
      const child = spawn('ip', ['netns', 'exec', ns, process.execPath, '-e', SERVER], {stdio: ['ignore', 'pipe', 'pipe']})
      this.servers.push(child)
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`listener in ${ns} did not start`)), TIMEOUT_MS)
        child.stdout?.once('data', () => {
          clearTimeout(timer)
          resolve()
        })
        child.once('exit', () => reject(new Error(`listener in ${ns} exited`)))
      })
    }
  }

  connect(): ({answer: string} | {error: string})[] {
    return JSON.parse(run(['ip', 'netns', 'exec', this.node, process.execPath, '-e', CLIENT]))
  }

  tearDown(): void {
    for (const child of this.servers) child.kill('SIGKILL')
    for (const ns of [...this.pods, this.node]) tryRun(['ip', 'netns', 'del', ns])
  }
}

function cluster(endpointIPs: string[]): {services: Service[]; endpoints: Endpoints[]} {
  const fresh = freshCluster()
  return {services: [...fresh.services, simpleservice()], endpoints: [...fresh.endpoints, simpleEndpoints(...endpointIPs)]}
}

/** Returns what the model allows for node → VIP: each endpoint it can pick with the source the pod sees, or 'reject'. */
function modelOutcomes(style: 'tutorial' | 'modern', ips: string[]): Set<string> {
  const {services, endpoints} = cluster(ips)
  const ruleSet = buildRuleSet(proxyInput(style, services, endpoints))
  const outcomes = new Set<string>()
  for (let seed = 1; seed <= 200; seed++) {
    const trace = tracePacket(ruleSet, {protocol: 'tcp', destination: VIP, destinationPort: 80, origin: 'node'}, new Sfc32(seedState(seed)), {podIPs: ips})
    outcomes.add(trace.verdict.kind === 'pod' ? `${trace.destination.ip} ${trace.source}` : trace.verdict.kind)
  }
  return outcomes
}

describe('the Linux kernel runs kbe iptables-save as the model does', function () {
  this.timeout(120_000)
  const reason = unavailable()
  before(function () {
    if (reason) {
      console.log(`      kernel test skipped: ${reason} (needs root, iproute2 and iptables)`)
      this.skip()
    }
  })

  let counter = 0
  for (const style of ['tutorial', 'modern'] as const) {
    for (const count of [0, 1, 2, 3]) {
      it(`${style}: node → VIP with ${count} endpoint(s)`, async () => {
        const ips = POD_IPS.slice(0, count)
        const topology = new Topology(`${process.pid}-${counter++}`, ips)
        try {
          topology.setUp()
          const {services, endpoints} = cluster(ips)
          topology.loadRules(renderIptables(proxyInput(style, services, endpoints), new Date('2026-11-25T16:38:46Z')))
          await topology.startServers()
          const results = topology.connect()
          const model = modelOutcomes(style, ips)
          if (count === 0) {
            assert.deepEqual([...model], ['reject'])
            assert.ok(results.every((r) => 'error' in r && r.error === 'ECONNREFUSED'), JSON.stringify(results))
            return
          }
          const seen = new Set(results.map((r) => ('answer' in r ? r.answer : r.error)))
          assert.deepEqual([...seen].sort(), [...model].sort(), `kernel ${JSON.stringify([...seen])} vs model ${JSON.stringify([...model])}`)
        } finally {
          topology.tearDown()
        }
      })
    }
  }
})
