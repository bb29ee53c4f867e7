// Canonical quantity text, as the apiserver stores resource quantities after decoding and
// SetDefaults_ResourceList (rounded up to milli-units): `0.5` → `500m`, `1000m` → `1`, `2000` → `2k`,
// `1024Mi` → `1Gi`, `1.5Gi` → `1536Mi`; numbers from YAML become strings. Exponent forms (`1e3`) and
// unparsable values are returned unchanged (the decoder has already rejected the latter).

const DECIMAL_EXP: Record<string, number> = {'n': -9, 'u': -6, 'm': -3, '': 0, 'k': 3, 'M': 6, 'G': 9, 'T': 12, 'P': 15, 'E': 18}
const DECIMAL_SUFFIX: Record<number, string> = {[-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E'}
const BINARY_EXP: Record<string, number> = {Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60}
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']

interface Rational {
  num: bigint
  den: bigint
}

function parseDecimal(sign: string, digits: string, frac: string): Rational {
  const den = 10n ** BigInt(frac.length)
  const num = BigInt(`${digits || '0'}${frac}`) * (sign === '-' ? -1n : 1n)
  return {num, den}
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b
  return a % b !== 0n && (a > 0n) === (b > 0n) ? q + 1n : q
}

// Formats a value given in milli-units with the largest decimal suffix that keeps an integer mantissa.
function formatMilli(milli: bigint): string {
  if (milli === 0n) return '0'
  if (milli % 1000n !== 0n) return `${milli}m`
  let n = milli / 1000n
  let exp = 0
  while (exp < 18 && n % 1000n === 0n) {
    n /= 1000n
    exp += 3
  }
  return `${n}${DECIMAL_SUFFIX[exp]}`
}

function formatBinary(value: Rational): string | undefined {
  if (value.num % value.den !== 0n) return undefined
  let n = value.num / value.den
  if (n > -1024n && n < 1024n) return undefined
  let i = 0
  while (i < BINARY_SUFFIX.length - 1 && n % 1024n === 0n && n !== 0n) {
    n /= 1024n
    i++
  }
  return `${n}${BINARY_SUFFIX[i]}`
}

/** Returns the canonical text of a quantity given as a string or a JSON number. */
export function canonicalQuantity(input: string | number): string {
  const text = String(input).trim()
  const m = /^([+-]?)(\d*)(?:\.(\d*))?([a-zA-Z]*)$/.exec(text)
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return String(input)
  const [, sign, digits, frac = '', suffix] = m
  const base = parseDecimal(sign, digits, frac)
  if (suffix in BINARY_EXP) {
    const value = {num: base.num * 2n ** BigInt(BINARY_EXP[suffix]), den: base.den}
    const binary = formatBinary(value)
    if (binary !== undefined) return binary
    return formatMilli(ceilDiv(value.num * 1000n, value.den))
  }
  if (!(suffix in DECIMAL_EXP)) return String(input)
  const exp = DECIMAL_EXP[suffix] + 3
  const milli = exp >= 0 ? ceilDiv(base.num * 10n ** BigInt(exp), base.den) : ceilDiv(base.num, base.den * 10n ** BigInt(-exp))
  return formatMilli(milli)
}
