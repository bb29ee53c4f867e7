// kbe port-forward as a real process: it prints kubectl's lines, answers real HTTP clients on
// 127.0.0.1 with the simulated container's bytes, says `Handling connection for PORT` per
// connection, stops on SIGTERM; a port nothing listens on in the pod ends it with kubectl's error.
// Every wait is bounded and every process is killed, pass or fail.
import assert from 'node:assert/strict'
import {spawn, type ChildProcess} from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import {BIN, runKbe, tempHome} from '../helpers/kbe.js'

const T0 = Date.parse('2026-11-25T16:30:00Z')
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString()
const NOW = at(90)
const WAIT_MS = 10_000

interface Forwarder {
  child: ChildProcess
  stdout: () => string
  stderr: () => string
  exited: Promise<number | null>
}

function startForwarder(home: string, args: string[]): Forwarder {
  const env = {...process.env, KBE_HOME: home, KBE_NOW: NOW, KBE_SEED: '7', KBE_OFFLINE: '1', TZ: 'UTC'}
  const child = spawn(process.execPath, [BIN, 'port-forward', ...args], {env, stdio: ['ignore', 'pipe', 'pipe']})
  let out = ''
  let err = ''
  child.stdout?.on('data', (d) => (out += d))
  child.stderr?.on('data', (d) => (err += d))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {child, stdout: () => out, stderr: () => err, exited}
}

async function waitFor(what: () => boolean, label: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS
  while (!what()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

/** Sends one raw HTTP/1.1 request and returns everything the server sent until it closed or went quiet. */
function rawGet(port: number, path: string, host = `localhost:${port}`): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({host: '127.0.0.1', port})
    let data = ''
    const timer = setTimeout(() => {
      socket.destroy()
      resolve(data)
    }, 1500)
    socket.on('connect', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: test\r\nAccept: */*\r\n\r\n`))
    socket.on('data', (d) => {
      data += d
      if (/\r\n\r\n/.test(data) && data.length >= data.indexOf('\r\n\r\n') + 4 + Number(/Content-Length: (\d+)/.exec(data)?.[1] ?? 0)) {
        clearTimeout(timer)
        socket.end()
        resolve(data)
      }
    })
    socket.on('close', () => {
      clearTimeout(timer)
      resolve(data)
    })
    socket.on('error', reject)
  })
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const {port} = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

describe('kbe port-forward', function () {
  this.timeout(60_000)
  let home: string
  const running: Forwarder[] = []
  const forward = (args: string[]) => {
    const f = startForwarder(home, args)
    running.push(f)
    return f
  }

  before(async () => {
    home = tempHome('kbe-pf-')
    await runKbe(['create', '-f', 'https://raw.githubusercontent.com/mhausenblas/kbe/master/specs/services/rc.yaml'], {home, seed: 7, now: at(0)})
    await runKbe(['create', '-f', 'https://raw.githubusercontent.com/mhausenblas/kbe/master/specs/services/svc.yaml'], {home, seed: 7, now: at(2)})
  })
  afterEach(() => {
    for (const f of running.splice(0)) f.child.kill('SIGKILL')
  })
  after(() => fs.rmSync(home, {recursive: true, force: true}))

  it('forwards service/simpleservice LOCAL:80 to the pod\'s 9876 for a real HTTP client, until SIGTERM', async () => {
    const port = await freePort()
    const f = forward(['service/simpleservice', `${port}:80`])
    await waitFor(() => f.stdout().includes(`Forwarding from 127.0.0.1:${port} -> 9876\n`), 'the Forwarding line')
    const response = await rawGet(port, '/info')
    assert.equal(response, [
      'HTTP/1.1 200 OK', 'Date: Wed, 25 Nov 2026 16:31:30 GMT', `Content-Length: ${67 + String(port).length - 4}`,
      `Etag: "${/Etag: "([0-9a-f]+)"/.exec(response)?.[1]}"`, 'Content-Type: application/json', 'Server: TornadoServer/4.3', '',
      `{"host": "localhost:${port}", "version": "0.5.0", "from": "127.0.0.1"}`,
    ].join('\r\n'))
    await rawGet(port, '/health')
    await waitFor(() => f.stdout().split('Handling').length === 3, 'two Handling lines')
    f.child.kill('SIGTERM')
    assert.equal(await f.exited, 0)
    const lines = f.stdout().split('\n').filter((l) => l !== '')
    assert.equal(lines[0], `Forwarding from 127.0.0.1:${port} -> 9876`)
    // [::1] is listed only where the host has IPv6 loopback, as kubectl does.
    const rest = lines.slice(1).filter((l) => l !== `Forwarding from [::1]:${port} -> 9876`)
    assert.deepEqual(rest, [`Handling connection for ${port}`, `Handling connection for ${port}`])
    assert.equal(f.stderr(), '')
  })

  it('picks a free local port for :REMOTE', async () => {
    const f = forward(['pod/rcsise-pvswv', ':9876'])
    await waitFor(() => /Forwarding from 127\.0\.0\.1:\d+ -> 9876\n/.test(f.stdout()), 'the Forwarding line')
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(f.stdout())?.[1])
    assert.ok(port > 0)
    assert.match(await rawGet(port, '/endpoint0', 'x'), /"result": "all is well"/)
  })

  it('ends with kubectl\'s error when nothing listens on the pod\'s port', async () => {
    const port = await freePort()
    const f = forward(['rcsise-pvswv', `${port}:9999`])
    await waitFor(() => f.stdout().includes(`Forwarding from 127.0.0.1:${port} -> 9999`), 'the Forwarding line')
    assert.equal(await rawGet(port, '/info'), '')
    assert.equal(await f.exited, 1)
    const [klog, last] = f.stderr().split('\n')
    assert.match(klog, / portforward\.go:424\] "Unhandled Error" err="an error occurred forwarding \d+ -> 9999: error forwarding port 9999 to pod [0-9a-f]{64}, uid : exit status 1: .* socat\[\d+\] E connect\(5, AF=2 127\.0\.0\.1:9999, 16\): Connection refused"$/)
    assert.equal(last, 'error: lost connection to pod')
  })

  it('reports a busy local port like kubectl', async () => {
    const blocker = net.createServer()
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()))
    const port = (blocker.address() as net.AddressInfo).port
    const blocker6 = net.createServer()
    const has6 = await new Promise<boolean>((r) => blocker6.once('error', () => r(false)).listen(port, '::1', () => r(true)))
    try {
      const f = forward(['rcsise-pvswv', `${port}:9876`])
      const code = await f.exited
      if (!has6) return // only the IPv4 address was taken: kubectl keeps forwarding on [::1] wherever it exists
      assert.equal(code, 1)
      assert.match(f.stderr(), new RegExp(`Unable to listen on port ${port}: Listeners failed to create with the following errors: \\[unable to create listener: Error listen tcp4 127\\.0\\.0\\.1:${port}: bind: address already in use unable to create listener: Error listen tcp6 \\[::1\\]:${port}: bind: address already in use\\]"\\nerror: unable to listen on any of the requested ports: \\[\\{${port} 9876\\}\\]\\n$`))
    } finally {
      blocker.close()
      if (has6) blocker6.close()
    }
  })

  const ERRORS: {name: string; args: string[]; want: string}[] = [
    {name: 'missing pod', args: ['nope', '8080:80'], want: 'Error from server (NotFound): pods "nope" not found\n'},
    {name: 'no ports', args: ['rcsise-pvswv'], want: "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kbe port-forward -h' for help and examples\n"},
    {name: 'service without that port', args: ['svc/simpleservice', '8080:81'], want: 'error: Service simpleservice does not have a service port 81\n'},
    {name: 'service without selector', args: ['svc/kubernetes', '8080:443'], want: "error: cannot attach to *v1.Service: invalid service 'kubernetes': Service is defined without a selector\n"},
    {name: 'unnamed container port', args: ['rcsise-pvswv', '8080:http'], want: "error: Pod 'rcsise-pvswv' does not have a named port 'http'\n"},
    {name: 'bad local port', args: ['rcsise-pvswv', 'abc:9876'], want: 'error: error parsing local port \'abc\': strconv.ParseUint: parsing "abc": invalid syntax\n'},
  ]
  for (const c of ERRORS) {
    it(`fails like kubectl: ${c.name}`, async () => {
      const r = await runKbe(['port-forward', ...c.args], {home, seed: 7, now: NOW})
      assert.deepEqual({code: r.code, stdout: r.stdout, stderr: r.stderr}, {code: 1, stdout: '', stderr: c.want})
    })
  }
})
