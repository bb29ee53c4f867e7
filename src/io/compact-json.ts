// Whether bytes are well-formed compact JSON, checked without building anything: what lets a section of
// the state file be printed as it is stored (`get -o json` of objects never parsed) and still be
// reported as corrupt, as parsing it would be, when a byte in it was damaged. The grammar is RFC 8259's
// with no whitespace between tokens (the state file never has any); bytes of 0x80 and up inside strings
// are taken as they come, as decoding them as UTF-8 would (a broken sequence reads as U+FFFD either way).

const OBJECT = 1
const ARRAY = 2

/** What the next token may be. */
const enum Expect { Value, ValueOrEnd, Key, KeyOrEnd, Colon, After }

/** The deepest nesting checked; deeper text is reported as not well-formed (no object kbe stores comes near it). */
const MAX_DEPTH = 512

/** Returns whether `bytes` hold exactly one JSON object, compact (no whitespace outside strings). */
export function isCompactJsonObject(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x7b) return false
  const stack = new Uint8Array(MAX_DEPTH)
  let depth = 0
  let expect = Expect.Value
  const n = bytes.length
  let i = 0
  while (i < n) {
    const c = bytes[i]
    switch (expect) {
      case Expect.Value:
      case Expect.ValueOrEnd:
        if (c === 0x5d && expect === Expect.ValueOrEnd) {
          depth--
          i++
          expect = Expect.After
        } else if (c === 0x7b || c === 0x5b) {
          if (depth === MAX_DEPTH) return false
          stack[depth++] = c === 0x7b ? OBJECT : ARRAY
          i++
          expect = c === 0x7b ? Expect.KeyOrEnd : Expect.ValueOrEnd
        } else {
          i = c === 0x22 ? endOfString(bytes, i) : c === 0x2d || (c >= 0x30 && c <= 0x39) ? endOfNumber(bytes, i) : endOfLiteral(bytes, i)
          if (i < 0) return false
          expect = Expect.After
        }
        break
      case Expect.Key:
      case Expect.KeyOrEnd:
        if (c === 0x7d && expect === Expect.KeyOrEnd) {
          depth--
          i++
          expect = Expect.After
        } else {
          if (c !== 0x22 || (i = endOfString(bytes, i)) < 0) return false
          expect = Expect.Colon
        }
        break
      case Expect.Colon:
        if (c !== 0x3a) return false
        i++
        expect = Expect.Value
        break
      case Expect.After: {
        if (depth === 0) return false // something after the top-level object
        const inObject = stack[depth - 1] === OBJECT
        if (c === 0x2c) expect = inObject ? Expect.Key : Expect.Value
        else if (c === (inObject ? 0x7d : 0x5d)) depth--
        else return false
        i++
        break
      }
    }
  }
  return expect === Expect.After && depth === 0
}

/** Returns the index after the string that starts (with its quote) at `i`, or -1 when it is not well-formed. */
function endOfString(bytes: Uint8Array, i: number): number {
  const n = bytes.length
  for (i++; i < n; i++) {
    const c = bytes[i]
    if (c === 0x22) return i + 1
    if (c < 0x20) return -1
    if (c !== 0x5c) continue
    const e = bytes[++i]
    if (e === 0x75) {
      for (let k = 1; k <= 4; k++) if (!isHexDigit(bytes[i + k])) return -1
      i += 4
    } else if (e !== 0x22 && e !== 0x5c && e !== 0x2f && e !== 0x62 && e !== 0x66 && e !== 0x6e && e !== 0x72 && e !== 0x74) {
      return -1
    }
  }
  return -1
}

/** Returns the index after the number that starts at `i` (-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?), or -1. */
function endOfNumber(bytes: Uint8Array, i: number): number {
  if (bytes[i] === 0x2d) i++
  if (bytes[i] === 0x30) i++
  else if (isDigit(bytes[i])) while (isDigit(bytes[i])) i++
  else return -1
  if (bytes[i] === 0x2e) {
    if (!isDigit(bytes[++i])) return -1
    while (isDigit(bytes[i])) i++
  }
  if (bytes[i] === 0x65 || bytes[i] === 0x45) {
    i++
    if (bytes[i] === 0x2b || bytes[i] === 0x2d) i++
    if (!isDigit(bytes[i])) return -1
    while (isDigit(bytes[i])) i++
  }
  return i
}

const LITERALS = [Buffer.from('true'), Buffer.from('false'), Buffer.from('null')]

/** Returns the index after `true`, `false` or `null` at `i`, or -1. */
function endOfLiteral(bytes: Uint8Array, i: number): number {
  for (const literal of LITERALS) {
    if (bytes[i] !== literal[0]) continue
    for (let k = 1; k < literal.length; k++) if (bytes[i + k] !== literal[k]) return -1
    return i + literal.length
  }
  return -1
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39
}

function isHexDigit(c: number | undefined): boolean {
  return c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46))
}
