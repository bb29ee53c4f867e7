// The interface between kbe's curl and whatever network it runs in: name resolution for the
// calling process, and TCP connects that end as the simulated network decides (established with an
// application behind it, refused by a REJECT or a closed port, unreachable on the bridge, or never
// answered). The cluster's implementation lives next to it (cluster-network.ts); tests inject
// small fakes. Also the timing constants of the failures, which curl's messages show.
import type {HttpResponse} from '../../apps/types.js'
import type {Trace} from '../trace/types.js'
import type {CurlRequest} from './request.js'

export type ResolveResult = {ip: string} | {error: 'not-found'}

export type CurlConnection =
  /** The three-way handshake completed: `send` delivers the request to the application behind it. */
  | {kind: 'established'; trace?: Trace; send(request: CurlRequest): HttpResponse}
  /** RST or ICMP port unreachable (a REJECT rule, or nothing listening on that port): ECONNREFUSED at once. */
  | {kind: 'refused'; trace?: Trace}
  /** Nobody answers ARP on the link: EHOSTUNREACH after UNREACHABLE_AFTER_MS. */
  | {kind: 'unreachable'; trace?: Trace}
  /** SYNs go unanswered (dropped, or sent off the node to nobody): ETIMEDOUT after SYN_TIMEOUT_MS. */
  | {kind: 'no-answer'; trace?: Trace}

export interface CurlNetwork {
  /** Resolves a URL host for the calling process (IPv4 literal, /etc/hosts, DNS). */
  resolve(host: string): ResolveResult
  /** Opens a TCP connection from the calling process to ip:port. */
  connect(ip: string, port: number): CurlConnection
}

/** Three unanswered ARP probes one second apart: connect() gets EHOSTUNREACH (measured 3050–3077 ms in a network namespace). */
export const UNREACHABLE_AFTER_MS = 3070
/** Linux gives up a connect after 6 SYN retransmissions (tcp_syn_retries); measured with curl 7.88.1 on Linux 6.x. */
export const SYN_TIMEOUT_MS = 134420
