// The order go-yaml v2 gives map keys, which is what `kubectl -o yaml` shows (sigs.k8s.io/yaml re-reads
// the JSON into generic maps, so the YAML encoder sorts them itself). It is not byte order: at the first
// difference letters sort by code point, a non-letter sorts before a letter, and runs of digits compare by
// numeric value (`item9` < `item10`, `a_b` < `aB`). `-o json` uses plain byte order instead (json.ts).
// Keys that first differ at ASCII non-digits are decided there; the rest are walked rune by rune.

const isLetter = (ch: string) => /^\p{L}$/u.test(ch)
const isDigit = (ch: string | undefined) => ch !== undefined && /^\p{Nd}$/u.test(ch)

/** Returns whether key `a` sorts before key `b` in go-yaml's keyList order. */
export function yamlKeyLess(a: string, b: string): boolean {
  // Up to the first differing UTF-16 unit the keys agree; when both units there are ASCII and neither
  // is a digit (no digit runs to read), the rules reduce to: letters by code, a non-letter first.
  const n = Math.min(a.length, b.length)
  let i = 0
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++
  if (i < n) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x < 0x80 && y < 0x80 && !isAsciiDigit(x) && !isAsciiDigit(y)) {
      const xl = isAsciiLetter(x)
      const yl = isAsciiLetter(y)
      return xl === yl ? x < y : yl
    }
  } else if (n === 0 || !isHighSurrogate(a.charCodeAt(n - 1))) {
    return a.length < b.length // one is a prefix of the other (not splitting a surrogate pair)
  }
  return yamlKeyLessByRune(a, b)
}

const isAsciiDigit = (unit: number) => unit >= 0x30 && unit <= 0x39
const isAsciiLetter = (unit: number) => (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7a
const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff

/** yamlKeyLess rune by rune, as go-yaml's keyList.Less walks them (the definition of the shortcut). */
export function yamlKeyLessByRune(a: string, b: string): boolean {
  const ar = Array.from(a)
  const br = Array.from(b)
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue
    const al = isLetter(ar[i])
    const bl = isLetter(br[i])
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!
    if (al || bl) return bl
    // Compare the digit runs starting here by value; a zero continuing an earlier non-zero run counts as 1.
    let an = 0n
    let bn = 0n
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1n
          bn = 1n
          break
        }
      }
    }
    const [aValue, aEnd] = readDigits(ar, i, an)
    const [bValue, bEnd] = readDigits(br, i, bn)
    if (aValue !== bValue) return aValue < bValue
    if (aEnd !== bEnd) return aEnd < bEnd
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!
  }
  return ar.length < br.length
}

/** Reads the digit run at `start` into Go's int64 accumulator (wrapping as Go does). */
function readDigits(chars: string[], start: number, initial: bigint): [bigint, number] {
  let value = initial
  let i = start
  for (; isDigit(chars[i]); i++) value = BigInt.asIntN(64, value * 10n + BigInt(chars[i].codePointAt(0)! - 0x30))
  return [value, i]
}

/** Compares two keys for Array.prototype.sort in go-yaml's order. */
export function compareYamlKeys(a: string, b: string): number {
  if (yamlKeyLess(a, b)) return -1
  return yamlKeyLess(b, a) ? 1 : 0
}
