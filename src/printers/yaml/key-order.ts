// The order go-yaml v2 gives map keys, which is what `kubectl -o yaml` shows (sigs.k8s.io/yaml re-reads
// the JSON into generic maps, so the YAML encoder sorts them itself). It is not byte order: at the first
// difference letters sort by code point, a non-letter sorts before a letter, and runs of digits compare by
// numeric value (`item9` < `item10`, `a_b` < `aB`). `-o json` uses plain byte order instead (json.ts).

const isLetter = (ch: string) => /^\p{L}$/u.test(ch)
const isDigit = (ch: string | undefined) => ch !== undefined && /^\p{Nd}$/u.test(ch)

/** Returns whether key `a` sorts before key `b` in go-yaml's keyList order. */
export function yamlKeyLess(a: string, b: string): boolean {
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
