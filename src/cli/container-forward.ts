// port-forward's real side: TCP listeners on 127.0.0.1 and [::1] (the second only when the host
// has IPv6 loopback; kubectl succeeds when either binds), `Handling connection for PORT` per
// accepted connection, and each HTTP/1.1 request on it answered with the simulated application's
// response, byte for byte, computed from the cluster as it is at that moment (peer 127.0.0.1, as
// the kubelet's socat connects from the pod's loopback). When nothing listens on the remote port,
// the connection is closed and kubectl's two error lines end the process with exit 1.
import {createHash} from 'node:crypto'
import net from 'node:net'
import {responseHead} from '../apps/http.js'
import type {HttpRequest, HttpResponse} from '../apps/types.js'
import {podListener} from '../net/curl/cluster-network.js'
import type {Cluster} from '../cluster/cluster.js'
import type {Pod, Service} from '../api/types.js'
import {klogLine} from './klog.js'
import {networkPod, trafficRandom} from './container-network.js'
import type {ForwardPlan, PortPair} from './port-forward.js'

export interface ForwardIO {
  stdout(text: string): void
  stderr(text: string): void
  /** Runs fn on the cluster as it is now (a fresh read of the state). */
  withCluster<T>(fn: (cluster: Cluster, now: Date, seed: number) => T): T
  /** Ends the process with a code (after the listeners are closed). */
  exit(code: number): void
  pid: number
  now(): Date
}

type Answer = {response: HttpResponse} | {refused: true}

/** Returns the simulated application's answer to one request on the pod's port, or refused. */
export function answerRequest(plan: ForwardPlan, remote: number, request: HttpRequest, io: ForwardIO): Answer {
  return io.withCluster((cluster, now, seed) => {
    const pod = cluster.store.find<Pod>('pods', plan.namespace, plan.pod)
    if (!pod || pod.metadata.uid !== plan.uid) return {refused: true}
    const listener = podListener(networkPod(pod, cluster.store.list<Service>('services')), remote)
    if (!listener) return {refused: true}
    return {response: listener.app.handle(request, listener.env, {now, random: trafficRandom(seed, now)})}
  })
}

/** Parses the first complete HTTP request in `buffer`; returns it and the bytes it used, or undefined when incomplete. */
export function parseHttpRequest(buffer: Buffer): {request: HttpRequest; used: number} | undefined {
  const end = buffer.indexOf('\r\n\r\n')
  if (end === -1) return undefined
  const [requestLine, ...lines] = buffer.subarray(0, end).toString('latin1').split('\r\n')
  const [method = 'GET', target = '/'] = requestLine.split(' ')
  const headers = lines.map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()] as [string, string])
  const length = Number(headers.find(([k]) => k.toLowerCase() === 'content-length')?.[1] ?? 0)
  if (buffer.length < end + 4 + length) return undefined
  const body = buffer.subarray(end + 4, end + 4 + length).toString('utf8')
  return {request: {method, target, headers, peer: {ip: '127.0.0.1', port: 40000}, body}, used: end + 4 + length}
}

function sandboxId(uid: string): string {
  return createHash('sha256').update(`sandbox/${uid}`).digest('hex')
}

/** Returns kubectl's stderr text when the pod refuses a forwarded connection. */
export function refusedText(plan: ForwardPlan, pair: PortPair, local: number, now: Date, pid: number): string {
  const two = (n: number) => String(n).padStart(2, '0')
  const stamp = `${now.getFullYear()}/${two(now.getMonth() + 1)}/${two(now.getDate())} ${two(now.getHours())}:${two(now.getMinutes())}:${two(now.getSeconds())}`
  const socat = `${stamp} socat[${(pid * 7 + 1) % 32768}] E connect(5, AF=2 127.0.0.1:${pair.remote}, 16): Connection refused`
  const err = `an error occurred forwarding ${local} -> ${pair.remote}: error forwarding port ${pair.remote} to pod ${sandboxId(plan.uid)}, uid : exit status 1: ${socat}`
  return `${klogLine(now, pid, 'portforward.go:424', `"Unhandled Error" err="${err}"`)}error: lost connection to pod\n`
}

function serveConnection(socket: net.Socket, plan: ForwardPlan, pair: PortPair, local: number, io: ForwardIO, stopAll: (code: number) => void): void {
  let buffer = Buffer.alloc(0)
  let busy = false
  const next = (): void => {
    if (busy) return
    const parsed = parseHttpRequest(buffer)
    if (!parsed) return
    buffer = buffer.subarray(parsed.used)
    const answer = answerRequest(plan, pair.remote, parsed.request, io)
    if ('refused' in answer) {
      socket.destroy()
      io.stderr(refusedText(plan, pair, local, io.now(), io.pid))
      stopAll(1)
      return
    }
    busy = true
    setTimeout(() => {
      socket.write(responseHead(answer.response) + answer.response.body)
      busy = false
      next()
    }, answer.response.delayMs)
  }
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk])
    next()
  })
  socket.on('error', () => socket.destroy())
}

function listen(host: string, port: number): Promise<net.Server | Error> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', (err) => resolve(err))
    server.listen({host, port, exclusive: true}, () => resolve(server))
  })
}

function listenError(err: Error, family: string, address: string): string {
  const text = (err as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 'bind: address already in use' : (err as NodeJS.ErrnoException).code === 'EACCES' ? 'bind: permission denied' : 'bind: cannot assign requested address'
  return `unable to create listener: Error listen ${family} ${address}: ${text}`
}

/** Opens the listeners of a plan, prints kubectl's lines and serves until stop() or an error. */
export async function startForwarding(plan: ForwardPlan, io: ForwardIO): Promise<{stop: (code: number) => void}> {
  const servers: net.Server[] = []
  const sockets = new Set<net.Socket>()
  const stopAll = (code: number): void => {
    for (const s of sockets) s.destroy()
    for (const server of servers) server.close()
    io.exit(code)
  }
  let listened = false
  for (const pair of plan.ports) {
    const v4 = await listen('127.0.0.1', pair.local)
    const local = v4 instanceof Error ? pair.local : (v4.address() as net.AddressInfo).port
    const v6 = await listen('::1', local)
    const errors: string[] = []
    for (const [server, family, shown] of [[v4, 'tcp4', `127.0.0.1:${local}`], [v6, 'tcp6', `[::1]:${local}`]] as const) {
      if (server instanceof Error) {
        errors.push(listenError(server, family, shown))
        continue
      }
      servers.push(server)
      io.stdout(`Forwarding from ${shown} -> ${pair.remote}\n`)
      server.on('connection', (socket) => {
        sockets.add(socket)
        socket.on('close', () => sockets.delete(socket))
        io.stdout(`Handling connection for ${local}\n`)
        serveConnection(socket, plan, pair, local, io, stopAll)
      })
    }
    if (v4 instanceof Error && v6 instanceof Error) {
      io.stderr(klogLine(io.now(), io.pid, 'portforward.go:381', `"Unhandled Error" err="Unable to listen on port ${pair.local}: Listeners failed to create with the following errors: [${errors.join(' ')}]"`))
    } else {
      listened = true
    }
  }
  if (!listened) {
    io.stderr(`error: unable to listen on any of the requested ports: [${plan.ports.map((p) => `{${p.local} ${p.remote}}`).join(' ')}]\n`)
    stopAll(1)
  }
  return {stop: stopAll}
}
