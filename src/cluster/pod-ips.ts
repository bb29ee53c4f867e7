// The pod addresses in use during one advance of the clock, with the lowest-free allocation of
// src/net/ipam.ts made cheap: a cursor below which every address is known to be taken, moved back when
// an address is released. Handing out N addresses costs O(N) instead of O(N²) scans of the range.

import {formatIPv4, hostRange, parseCidr, POD_CIDR} from '../net/ipam.js'

export class PodAddressPool {
  private cursor: number
  private readonly last: number

  /** `inUse` is the set of addresses held now; the pool keeps it up to date. */
  constructor(readonly inUse: Set<string>, cidrText = POD_CIDR) {
    const {first, last} = hostRange(parseCidr(cidrText))
    // The first host address is the bridge gateway.
    this.cursor = first + 1
    this.last = last
  }

  /** Returns the lowest free address (marking it used), or undefined when the range is full. */
  allocate(): string | undefined {
    for (; this.cursor <= this.last; this.cursor++) {
      const ip = formatIPv4(this.cursor)
      if (!this.inUse.has(ip)) {
        this.inUse.add(ip)
        return ip
      }
    }
    return undefined
  }

  /** Returns an address to the pool. */
  release(ip: string | undefined): void {
    if (!ip || !this.inUse.delete(ip)) return
    const parts = ip.split('.').map(Number)
    const n = ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3]
    if (n < this.cursor) this.cursor = n
  }
}
