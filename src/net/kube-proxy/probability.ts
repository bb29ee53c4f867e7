// The `-m statistic --probability` values: the text kube-proxy writes (Go `%0.10f`, or `%0.5f`
// in the tutorial-era v1.4/1.5 proxier, of the float64 1/k) and what the kernel keeps and
// iptables-save prints back. libxt_statistic parses the text with strtod, stores
// lround(2^31·p) as a u32 threshold (a packet matches when `random & 0x7FFFFFFF < threshold`)
// and prints threshold/2^31 with `%.11f`. Every rounding step here is done exactly (BigInt
// numerators, round-half-even like Go's strconv and glibc printf); Number() is used only as
// strtod, which ECMAScript defines as correctly rounded.
import type {ProxyStyle} from './chain-names.js'

const TWO_POW_31 = 0x80000000

/** Returns `numerator/denominator` printed with `digits` decimals, rounding half to even. */
export function formatFixedExact(numerator: bigint, denominator: bigint, digits: number): string {
  const scaled = numerator * 10n ** BigInt(digits)
  let quotient = scaled / denominator
  const twiceRemainder = 2n * (scaled % denominator)
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) quotient += 1n
  if (digits === 0) return quotient.toString()
  const text = quotient.toString().padStart(digits + 1, '0')
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`
}

/** Returns the exact value of a finite non-negative double as a fraction mantissa/2^shift. */
function exactDouble(value: number): {mantissa: bigint; shift: bigint} {
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, value)
  const high = view.getUint32(0)
  const biased = (high >>> 20) & 0x7ff
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(view.getUint32(4))
  if (biased !== 0) mantissa |= 1n << 52n
  const exponent = (biased === 0 ? 1 : biased) - 1075
  if (exponent >= 0) return {mantissa: mantissa << BigInt(exponent), shift: 0n}
  return {mantissa, shift: BigInt(-exponent)}
}

/** Returns a double printed like Go's `fmt.Sprintf("%0.<digits>f", value)` (exact, half-even). */
export function formatGoFixed(value: number, digits: number): string {
  const {mantissa, shift} = exactDouble(value)
  return formatFixedExact(mantissa, 1n << shift, digits)
}

/**
 * Returns the probability text kube-proxy writes for the rule that picks among the last `k`
 * endpoints: `%0.10f` of 1/k (modern computeProbability) or `%0.5f` (tutorial-era proxier).
 */
export function kubeProxyProbability(k: number, style: ProxyStyle): string {
  // A node with 1,000 services asks for the same few values thousands of times; the exact formatting
  // (BigInt arithmetic) is worth doing once per value.
  const key = `${style}:${k}`
  let text = writtenCache.get(key)
  if (text === undefined) writtenCache.set(key, (text = formatGoFixed(1 / k, style === 'modern' ? 10 : 5)))
  return text
}

const writtenCache = new Map<string, string>()
const savedCache = new Map<number, string>()

/** Returns the u32 threshold the statistic match stores for a written probability: lround(2^31·strtod(text)). */
export function probabilityThreshold(written: string): number {
  // The product of a double and 2^31 is exact; Math.round equals lround for non-negative values.
  return Math.round(TWO_POW_31 * Number(written))
}

/** Returns the probability text iptables-save prints for a stored threshold: `%.11f` of threshold/2^31. */
export function savedProbability(threshold: number): string {
  let text = savedCache.get(threshold)
  if (text === undefined) savedCache.set(threshold, (text = formatFixedExact(BigInt(threshold), BigInt(TWO_POW_31), 11)))
  return text
}
