// Resource quantities as describe prints them (apimachinery resource.Quantity): parsing `100m`, `0.5`,
// `128Mi`, `1e3`, exact sums, and the canonical String() form kubectl shows in Limits/Requests, node
// Capacity/Allocatable and the node's Allocated resources (`0.5` → `500m`, `1024Mi` → `1Gi`). Values are
// kept as BigInt nano-units so that sums and percentages are exact. Only describe uses this module.

/** How a quantity was written, which decides how its canonical form is spelled (resource.Format). */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent'

/** A parsed quantity: its value in nano-units and the format it keeps when printed. */
export interface Quantity {
  nanos: bigint
  format: QuantityFormat
}

const NANO = 1_000_000_000n
const DECIMAL_SUFFIXES: Record<string, number> = {n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18}
const BINARY_SUFFIXES: Record<string, number> = {Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6}
const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/

/** The zero quantity (Go's `resource.Quantity{}`), which prints as `0` and adopts the format of what is added to it. */
export const ZERO_QUANTITY: Quantity = {nanos: 0n, format: 'DecimalSI'}

/** Returns the quantity written as `text`, or undefined when it is not a valid quantity. */
export function parseQuantity(text: string): Quantity | undefined {
  const m = QUANTITY.exec(text.trim())
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined
  const [, sign, whole, fraction = '', suffix] = m
  let mantissa = BigInt((whole || '0') + fraction)
  let exponent = -fraction.length
  let factor = 1n
  let format: QuantityFormat = 'DecimalSI'
  if (suffix in BINARY_SUFFIXES) {
    factor = 1024n ** BigInt(BINARY_SUFFIXES[suffix])
    format = 'BinarySI'
  } else if (suffix in DECIMAL_SUFFIXES) {
    exponent += DECIMAL_SUFFIXES[suffix]
  } else if (/^[eE][+-]?\d+$/.test(suffix)) {
    exponent += Number(suffix.slice(1))
    format = 'DecimalExponent'
  } else {
    return undefined
  }
  mantissa *= factor
  // Scale to nano-units; anything finer than a nano is rounded up, as ParseQuantity does.
  const shift = exponent + 9
  let nanos = shift >= 0 ? mantissa * 10n ** BigInt(shift) : ceilDiv(mantissa, 10n ** BigInt(-shift))
  if (sign === '-') nanos = -nanos
  return {nanos, format}
}

/** Returns the quantity for `text`, or the zero quantity when it does not parse. */
export function quantityOf(text: string | undefined): Quantity {
  return (text !== undefined && parseQuantity(text)) || ZERO_QUANTITY
}

/** Returns a + b; a zero `a` takes b's format (Quantity.Add). */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return {nanos: a.nanos + b.nanos, format: a.nanos === 0n ? b.format : a.format}
}

/** Returns the value rounded up to whole milli-units (Quantity.MilliValue). */
export function milliValue(q: Quantity): bigint {
  return ceilDiv(q.nanos, 1_000_000n)
}

/** Returns the value rounded up to whole units (Quantity.Value). */
export function unitValue(q: Quantity): bigint {
  return ceilDiv(q.nanos, NANO)
}

/** Returns the canonical text of a quantity (Quantity.String): `500m`, `1Gi`, `2k`, `1e3`. */
export function formatQuantity(q: Quantity): string {
  if (q.format === 'BinarySI' && q.nanos % NANO === 0n) {
    const units = q.nanos / NANO
    // Small values and ones that would lose precision fall back to DecimalSI, like CanonicalizeBytes.
    if (units <= -1024n || units >= 1024n) return formatBinary(units)
  }
  return formatDecimal(q.nanos, q.format === 'DecimalExponent')
}

function formatBinary(units: bigint): string {
  const suffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']
  let mantissa = units
  let power = 0
  while (power < suffixes.length - 1 && mantissa % 1024n === 0n) {
    mantissa /= 1024n
    power++
  }
  return `${mantissa}${suffixes[power]}`
}

function formatDecimal(nanos: bigint, exponentForm: boolean): string {
  if (nanos === 0n) return '0'
  let mantissa = nanos
  let exponent = -9
  while (mantissa % 10n === 0n) {
    mantissa /= 10n
    exponent++
  }
  // Lower the exponent to a multiple of 3 (AsCanonicalBytes).
  const rest = ((exponent % 3) + 3) % 3
  mantissa *= 10n ** BigInt(rest)
  exponent -= rest
  if (exponentForm) return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`
  const suffix = Object.keys(DECIMAL_SUFFIXES).find((s) => DECIMAL_SUFFIXES[s] === exponent)
  return suffix === undefined ? `${mantissa}e${exponent}` : `${mantissa}${suffix}`
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b
  return a % b !== 0n && a > 0n ? q + 1n : q
}
