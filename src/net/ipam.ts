// Address allocation for the simulated node. Pod IPs come from the docker bridge range 172.17.0.0/16:
// .0 is the network, .1 the bridge gateway and .255.255 the broadcast address, so the lowest free host
// address is handed out, starting at 172.17.0.2 (the cluster DNS pod) — a learner's first pod gets
// 172.17.0.3, as in the tutorial. A released address becomes the lowest candidate again. Service VIPs
// come from 172.30.0.0/16 like the apiserver's allocator: random (from the seeded source) in the upper
// band, the lower band (first 256 addresses) kept for explicit `spec.clusterIP` requests. Nothing
// here remembers state: the caller passes the addresses in use.

import type {Random} from '../util/random.js'

export interface Cidr {
  base: number
  prefix: number
}

export const POD_CIDR = '172.17.0.0/16'
export const SERVICE_CIDR = '172.30.0.0/16'
export const BRIDGE_GATEWAY = '172.17.0.1'

/** Returns the 32-bit number of a dotted IPv4 address, or undefined if it isn't one. */
export function parseIPv4(ip: string): number | undefined {
  const parts = ip.split('.')
  if (parts.length !== 4) return undefined
  let n = 0
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return undefined
    const v = Number(part)
    if (v > 255) return undefined
    n = n * 256 + v
  }
  return n
}

/** Returns the dotted form of a 32-bit address. */
export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff].join('.')
}

/** Returns a parsed CIDR. */
export function parseCidr(text: string): Cidr {
  const [ip, prefix] = text.split('/')
  return {base: parseIPv4(ip) as number, prefix: Number(prefix)}
}

/** Returns whether `ip` lies in `cidr`. */
export function cidrContains(cidr: Cidr, ip: number): boolean {
  const size = 2 ** (32 - cidr.prefix)
  return ip >= cidr.base && ip < cidr.base + size
}

/** Returns the first and last assignable host address of a range (network and broadcast excluded). */
export function hostRange(cidr: Cidr): {first: number; last: number} {
  return {first: cidr.base + 1, last: cidr.base + 2 ** (32 - cidr.prefix) - 2}
}

/** Returns the lowest free pod address (gateway excluded), or undefined when the range is full. */
export function allocatePodIP(inUse: Set<string>, cidrText = POD_CIDR): string | undefined {
  const cidr = parseCidr(cidrText)
  const {first, last} = hostRange(cidr)
  for (let n = first + 1; n <= last; n++) {
    const ip = formatIPv4(n)
    if (!inUse.has(ip)) return ip
  }
  return undefined
}

/** The size of the service range's static band (apiserver: min(max(16, size/16), 256)). */
export function staticBandSize(cidr: Cidr): number {
  const size = 2 ** (32 - cidr.prefix) - 2
  return Math.min(Math.max(16, Math.floor(size / 16)), 256)
}

/**
 * Returns a free service VIP: a random one in the dynamic band (offsets past the static band), falling
 * back to the static band, then undefined when the whole range is full.
 */
export function allocateServiceIP(inUse: Set<string>, random: Random, cidrText = SERVICE_CIDR): string | undefined {
  const cidr = parseCidr(cidrText)
  const {first, last} = hostRange(cidr)
  const band = staticBandSize(cidr)
  const dynamicFirst = first + band
  const pick = (lo: number, hi: number): string | undefined => {
    const count = hi - lo + 1
    if (count <= 0) return undefined
    // Like the apiserver's bitmap allocator: a random start, then scan forward for a free slot.
    const start = random.int(count)
    for (let i = 0; i < count; i++) {
      const ip = formatIPv4(lo + ((start + i) % count))
      if (!inUse.has(ip)) return ip
    }
    return undefined
  }
  return pick(dynamicFirst, last) ?? pick(first, dynamicFirst - 1)
}

/** Returns why an explicitly requested service IP can't be used, or undefined if it can. */
export function checkRequestedServiceIP(ip: string, inUse: Set<string>, cidrText = SERVICE_CIDR): 'invalid' | 'out-of-range' | 'in-use' | undefined {
  const n = parseIPv4(ip)
  if (n === undefined) return 'invalid'
  const cidr = parseCidr(cidrText)
  const {first, last} = hostRange(cidr)
  if (n < first || n > last) return 'out-of-range'
  if (inUse.has(ip)) return 'in-use'
  return undefined
}
