// YAML 1.1 implicit typing as go-yaml v2 resolves plain scalars: which strings would read back as a
// bool, null, int, float or timestamp if printed unquoted. kubectl's YAML printer double-quotes exactly
// those strings (`"123"`, `"0.9"`, `"yes"`, `"null"`, `""`, `"2024-11-25T16:37:23Z"`) and the base-60
// floats (`"12:30"`). Pure predicates over strings; the decision of style lives in scalar.ts.

/** Plain scalars go-yaml looks up in its table (bools in their three spellings, nulls, inf/nan). */
const RESOLVE_TABLE = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO',
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'on', 'On', 'ON', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
])

/** Go's strconv.ParseInt/ParseUint syntax with base 0 (sign, 0x/0o/0b prefixes, leading-zero octal). */
const GO_INT = /^[+-]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/
const YAML_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/
const DOT_FLOAT = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/

/** Returns whether go-yaml would read the unquoted text back as a string (so it may stay plain). */
export function resolvesAsString(s: string): boolean {
  if (RESOLVE_TABLE.has(s)) return false
  const first = s[0]
  if (first === '.') return !(DOT_FLOAT.test(s) && Number.isFinite(Number(s)))
  if (!/[-+0-9]/.test(first)) return true
  if (isTimestamp(s)) return false
  const plain = s.replaceAll('_', '')
  if (parsesAsGoInt(plain)) return false
  // Floats resolve when finite; an out-of-range integer or float that is neither stays a string.
  return !(YAML_FLOAT.test(plain) && Number.isFinite(Number(plain)))
}

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n
const UINT64_MAX = 2n ** 64n - 1n

/** Returns whether strconv.ParseInt or ParseUint (base 0, 64 bits) accepts the text. */
function parsesAsGoInt(s: string): boolean {
  if (!GO_INT.test(s)) return false
  const negative = s.startsWith('-')
  const unsigned = s.replace(/^[+-]/, '')
  // A leading 0 followed by digits is octal in Go (base 0).
  const value = BigInt(/^0[0-7]+$/.test(unsigned) ? `0o${unsigned.slice(1)}` : unsigned)
  if (negative) return -value >= INT64_MIN
  return value <= INT64_MAX || (!s.startsWith('+') && value <= UINT64_MAX)
}

/** Returns whether the text is a YAML 1.1 base-60 float, which go-yaml quotes for other parsers' sake. */
export function isBase60Float(s: string): boolean {
  return BASE60_FLOAT.test(s)
}

/** go-yaml's timestamp layouts (time.Parse): RFC 3339 with short fields, `t`, space-separated, date only. */
const TIMESTAMP_LAYOUTS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/,
  /^(\d{4})-(\d{1,2})-(\d{1,2}) +(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?$/,
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
]

/** Returns whether go-yaml's parseTimestamp accepts the text (layout match plus Go's range checks). */
export function isTimestamp(s: string): boolean {
  for (const layout of TIMESTAMP_LAYOUTS) {
    const m = layout.exec(s)
    if (!m) continue
    const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((v) => (v === undefined ? undefined : Number(v)))
    const [zoneHour = 0, zoneMinute = 0] = m.slice(7, 9).map((v) => (v === undefined ? undefined : Number(v)))
    if (month! < 1 || month! > 12 || day! < 1 || day! > daysIn(month!, year!)) continue
    if (hour! > 23 || minute! > 59 || second! > 59 || zoneHour > 24 || zoneMinute > 60) continue
    return true
  }
  return false
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}
