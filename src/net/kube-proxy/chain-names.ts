// kube-proxy chain naming: the service port name string (`ns/name[:port]`) and the hashed
// KUBE-SVC-/KUBE-EXT-/KUBE-SEP- chain names. kube-proxy names a chain by the first 16 characters
// of base32(sha256(servicePortName + lower(protocol) [+ "ip:port"])), so the same Service always
// maps to the same chains. The base32 encoder (RFC 4648, upper-case alphabet) is written here by
// hand; node:crypto supplies only sha256. This module is pure: no rule building, no printing.
import crypto from 'node:crypto'

/** The kube-proxy generation whose rules kbe reproduces. */
export type ProxyStyle = 'tutorial' | 'modern'

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** Returns the RFC 4648 base32 encoding (standard alphabet, `=` padding) of `bytes`. */
export function base32Encode(bytes: Uint8Array): string {
  let out = ''
  let buffer = 0
  let bits = 0
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff
    bits += 8
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31]
  while (out.length % 8 !== 0) out += '='
  return out
}

/** Returns the 16-character chain hash kube-proxy derives from `input` (sha256 → base32 → first 16). */
export function chainHash(input: string): string {
  // crypto.hash (Node 20.12+) is the one-shot form: no Hash object per chain on a 10,000-endpoint node.
  const digest = typeof crypto.hash === 'function' ? crypto.hash('sha256', input, 'buffer') : crypto.createHash('sha256').update(input, 'utf8').digest()
  return base32Encode(digest).slice(0, 16)
}

/**
 * Returns the ServicePortName string kube-proxy hashes and prints in comments. Modern kube-proxy
 * (v1.19+) omits the colon for an unnamed port (`ns/name`); the tutorial-era (v1.4/1.5) form always
 * prints it, so an unnamed port gives `ns/name:`.
 */
export function servicePortName(namespace: string, name: string, portName: string | undefined, style: ProxyStyle): string {
  const port = portName ?? ''
  if (style === 'modern' && port === '') return `${namespace}/${name}`
  return `${namespace}/${name}:${port}`
}

/** Returns the KUBE-SVC- chain name of a service port (protocol is lower-cased as kube-proxy does). */
export function serviceChainName(spn: string, protocol: string): string {
  return `KUBE-SVC-${chainHash(spn + protocol.toLowerCase())}`
}

/** Returns the KUBE-EXT- chain name (modern external-traffic chain) of a service port. */
export function externalChainName(spn: string, protocol: string): string {
  return `KUBE-EXT-${chainHash(spn + protocol.toLowerCase())}`
}

/** Returns the KUBE-SEP- chain name of one endpoint (`endpoint` in JoinHostPort form, "ip:port"). */
export function endpointChainName(spn: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${chainHash(spn + protocol.toLowerCase() + endpoint)}`
}

/** Returns `ip:port`, bracketing IPv6 addresses as Go's net.JoinHostPort does. */
export function joinHostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`
}
