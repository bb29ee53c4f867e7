// resource.Quantity parsing as the apiserver's decoder does it (ParseQuantity): sign, digits, optional
// fraction, then a suffix that is a binary SI (Ki..Ei), decimal SI (n, u, m, k, M..E) or decimal
// exponent (e3, E-2). Returns the numeric value for comparisons (requests vs limits, QoS), or the
// decoder's error text. Canonical re-formatting of quantities is not done here.

/** The decoder errors (resource.ErrFormatWrong, ErrNumeric, ErrSuffix). */
export const QUANTITY_FORMAT_ERROR = 'quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\''
export const QUANTITY_NUMERIC_ERROR = 'unable to parse numeric part of quantity'
export const QUANTITY_SUFFIX_ERROR = 'unable to parse quantity\'s suffix'

const BINARY: Record<string, number> = {Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60}
const DECIMAL: Record<string, number> = {'n': -9, 'u': -6, 'm': -3, '': 0, 'k': 3, 'M': 6, 'G': 9, 'T': 12, 'P': 15, 'E': 18}

export interface ParsedQuantity {
  /** The quantity's value as a float (precise enough for comparisons). */
  value: number
  /** The text as given. */
  text: string
}

function splitQuantity(str: string): {num: string; suffix: string} | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/.exec(str)
  if (!m) return undefined
  const [, sign, whole, frac = '', rest] = m
  if (whole === '' && frac === '' && !str.slice(sign.length).startsWith('.')) {
    // No digits at all: only valid when nothing follows (upstream treats "+" or "" as 0).
    if (rest !== '') return undefined
  }
  // The suffix is a run of [eEinumkKMGTP] optionally followed by a signed integer.
  if (!/^[eEinumkKMGTP]*([-+]?\d*)$/.test(rest)) return undefined
  return {num: `${sign}${whole || '0'}.${frac || '0'}`, suffix: rest}
}

function suffixScale(suffix: string): number | undefined {
  if (suffix in BINARY) return 2 ** BINARY[suffix]
  if (suffix in DECIMAL) return 10 ** DECIMAL[suffix]
  const exp = /^[eE]([-+]?\d+)$/.exec(suffix)
  return exp ? 10 ** Number(exp[1]) : undefined
}

/** Returns the parsed quantity, or the decoder's error text for an invalid one. */
export function parseQuantity(str: string): ParsedQuantity | string {
  const text = str.trim()
  if (text.length === 0) return QUANTITY_FORMAT_ERROR
  const parts = splitQuantity(text)
  if (!parts) return QUANTITY_FORMAT_ERROR
  const scale = suffixScale(parts.suffix)
  if (scale === undefined) return QUANTITY_SUFFIX_ERROR
  const num = Number(parts.num)
  if (Number.isNaN(num)) return QUANTITY_NUMERIC_ERROR
  return {value: num * scale, text: str}
}

/** Returns the value of a valid quantity text, or undefined. */
export function quantityValue(str: string | number | undefined): number | undefined {
  if (str === undefined) return undefined
  const q = parseQuantity(String(str))
  return typeof q === 'string' ? undefined : q.value
}
