// `ping` inside a simulated container (iputils s2016 of centos:7 / Debian): the header with the
// canonical name the resolver returned, one reply line per second from an address that answers
// ICMP (a running pod, the node, the pod itself), none from a Service VIP (kube-proxy's rules only
// translate TCP/UDP to the VIP's ports; nothing owns the VIP, so echo requests go unanswered), then
// the statistics. kbe cannot wait for Ctrl-C: `-c N` sends N probes, and without -c kbe stops after
// PING_DEFAULT_COUNT probes and prints what ping prints when interrupted. Exit 0 with replies, 1
// without, 2 for an unknown host or bad usage.
import type {ContainerEnv} from '../apps/types.js'
import type {Random} from '../util/random.js'
import type {ProcessResult} from './container-shell.js'

/** How many probes kbe sends when ping is run without -c (as if Ctrl-C came after ~4 seconds). */
export const PING_DEFAULT_COUNT = 4

export interface PingTarget {
  /** The name as the resolver returned it (the FQDN for a cluster name, the literal for an address). */
  canonical: string
  ip: string
  /** Whether something at that address answers echo requests. */
  answers: boolean
}

export type PingResolver = (host: string) => PingTarget | undefined

function micros(us: number): string {
  return `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`
}

function parseCount(args: string[]): {count?: number; host?: string; error?: string} {
  let count: number | undefined
  let host: string | undefined
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '-c' || /^-c\d+$/.test(arg)) {
      const value = arg === '-c' ? args[++i] : arg.slice(2)
      if (value === undefined || !/^\d+$/.test(value) || Number(value) === 0) return {error: `ping: bad number of packets to transmit.\n`}
      count = Number(value)
    } else if (arg.startsWith('-')) {
      return {error: `ping: kbe simulates only -c COUNT\n`}
    } else {
      host = arg
    }
  }
  return {count, host}
}

/** Runs `ping ARGS` with the container's resolver; `random` picks the round-trip times. */
export function runPing(args: string[], resolve: PingResolver, random: Random, _env: ContainerEnv): ProcessResult {
  const parsed = parseCount(args)
  if (parsed.error) return {stdout: '', stderr: parsed.error, exitCode: 2}
  if (parsed.host === undefined) {
    return {stdout: '', stderr: 'Usage: ping [-aAbBdDfhLnOqrRUvV] [-c count] [-i interval] [-I interface]\n            [-m mark] [-M pmtudisc_option] [-l preload] [-p pattern] [-Q tos]\n            [-s packetsize] [-S sndbuf] [-t ttl] [-T timestamp_option]\n            [-w deadline] [-W timeout] [hop1 ...] destination\n', exitCode: 2}
  }
  const target = resolve(parsed.host)
  if (!target) return {stdout: '', stderr: `ping: unknown host ${parsed.host}\n`, exitCode: 2}
  const count = parsed.count ?? PING_DEFAULT_COUNT
  let stdout = `PING ${target.canonical} (${target.ip}) 56(84) bytes of data.\n`
  const times: number[] = []
  if (target.answers) {
    for (let seq = 1; seq <= count; seq++) {
      const us = 40 + random.int(60)
      times.push(us)
      stdout += `64 bytes from ${target.ip}: icmp_seq=${seq} ttl=64 time=${micros(us)} ms\n`
    }
  }
  const received = times.length
  const loss = Math.round(((count - received) * 100) / count)
  stdout += `\n--- ${target.canonical} ping statistics ---\n`
  stdout += `${count} packets transmitted, ${received} received, ${loss}% packet loss, time ${(count - 1) * 1000 + (count - 1)}ms\n`
  if (received > 0) {
    const avg = Math.round(times.reduce((a, b) => a + b, 0) / received)
    const mdev = Math.round(Math.sqrt(times.reduce((a, t) => a + (t - avg) ** 2, 0) / received))
    stdout += `rtt min/avg/max/mdev = ${micros(Math.min(...times))}/${micros(avg)}/${micros(Math.max(...times))}/${micros(mdev)} ms\n`
  }
  return {stdout, stderr: '', exitCode: received > 0 ? 0 : 1}
}
