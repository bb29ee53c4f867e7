// Scalar decisions of go-yaml v2's emitter, as kubectl's `-o yaml` makes them: the text of numbers (after
// sigs.k8s.io/yaml's JSON round trip), the style each string asks for (literal block if it has a newline,
// plain if it would read back as a string, else double-quoted), and the scalar analysis that downgrades
// that request (plain → single-quoted → double-quoted) when indicators, edge spaces, line breaks or
// unprintable characters make it unsafe (printable ASCII words, the usual case, take a shortcut). Pure
// functions over strings; no layout here (see writer.ts).
import {resolvesAsString, isBase60Float} from './resolve.js'

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal'

/** What the analysis allows for one scalar in block context. */
export interface ScalarAnalysis {
  multiline: boolean
  plainAllowed: boolean
  singleQuotedAllowed: boolean
  blockAllowed: boolean
}

/** Returns whether go-yaml counts the code point as printable (BMP only: astral characters are escaped). */
export function isPrintable(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
}

/** Returns whether the character is a YAML 1.1 line break (CR, LF, NEL, LS, PS). */
export function isBreak(ch: string): boolean {
  return ch === '\n' || ch === '\r' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029'
}

const isBlankOrEnd = (ch: string | undefined) => ch === undefined || ch === ' ' || ch === '\t'
const FIRST_CHAR_INDICATORS = new Set(Array.from('#,[]{}&*!|>\'"%@`'))

/** Returns whether the scalar has an indicator that stops it from being a plain scalar in block context. */
function hasBlockIndicator(chars: string[]): boolean {
  const s = chars.join('')
  if (s.startsWith('---') || s.startsWith('...')) return true
  let precededByWhitespace = true
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]
    const followedByWhitespace = isBlankOrEnd(chars[i + 1])
    if (i === 0) {
      if (FIRST_CHAR_INDICATORS.has(ch)) return true
      if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) return true
    } else if ((ch === ':' && followedByWhitespace) || (ch === '#' && precededByWhitespace)) {
      return true
    }
    precededByWhitespace = ch === ' ' || ch === '\t' || ch === '\0' || isBreak(ch)
  }
  return false
}

/** Printable ASCII without spaces: most Kubernetes strings (names, images, paths, label values). */
const ASCII_WORD = /^[\x21-\x7e]+$/
const WORD: ScalarAnalysis = Object.freeze({multiline: false, plainAllowed: true, singleQuotedAllowed: true, blockAllowed: true})
const WORD_WITH_INDICATOR: ScalarAnalysis = Object.freeze({...WORD, plainAllowed: false})

/** Returns go-yaml's analysis of a scalar value (yaml_emitter_analyze_scalar, block context). */
export function analyzeScalar(value: string): ScalarAnalysis {
  return ASCII_WORD.test(value) ? (wordHasIndicator(value) ? WORD_WITH_INDICATOR : WORD) : analyzeAnyScalar(value)
}

/**
 * hasBlockIndicator for a printable ASCII word: with no whitespace in it, only the first character, a
 * lone `?`/`:`/`-`, a leading `---`/`...` or a final `:` (followed by the end) can be an indicator.
 */
function wordHasIndicator(word: string): boolean {
  const first = word[0]
  if (FIRST_CHAR_INDICATORS.has(first)) return true
  if (word.length === 1 && (first === '?' || first === ':' || first === '-')) return true
  return word.startsWith('---') || word.startsWith('...') || word.endsWith(':')
}

/** analyzeScalar for any string, character by character (the definition the word shortcut follows). */
export function analyzeAnyScalar(value: string): ScalarAnalysis {
  if (value === '') return {multiline: false, plainAllowed: true, singleQuotedAllowed: true, blockAllowed: false}
  const chars = Array.from(value)
  const last = chars.length - 1
  let lineBreaks = false
  let special = false
  let edgeSpaceOrBreak = false
  let trailingSpace = false
  let breakThenSpace = false
  let spaceThenBreak = false
  chars.forEach((ch, i) => {
    if (!isPrintable(ch.codePointAt(0)!)) special = true
    if (ch === ' ') {
      if (i === 0 || i === last) edgeSpaceOrBreak = true
      if (i === last) trailingSpace = true
      if (i > 0 && isBreak(chars[i - 1])) breakThenSpace = true
    } else if (isBreak(ch)) {
      lineBreaks = true
      if (i === 0 || i === last) edgeSpaceOrBreak = true
      if (i > 0 && chars[i - 1] === ' ') spaceThenBreak = true
    }
  })
  return {
    multiline: lineBreaks,
    plainAllowed: !(edgeSpaceOrBreak || breakThenSpace || spaceThenBreak || special || lineBreaks || hasBlockIndicator(chars)),
    singleQuotedAllowed: !(breakThenSpace || spaceThenBreak || special),
    blockAllowed: !(trailingSpace || spaceThenBreak || special),
  }
}

/** Returns the style go-yaml's encoder requests for a string, before the emitter's analysis. */
export function requestedStringStyle(s: string): ScalarStyle {
  if (s.includes('\n')) return 'literal'
  return resolvesAsString(s) && !isBase60Float(s) ? 'plain' : 'double'
}

/** Returns the style the emitter settles on (yaml_emitter_select_scalar_style, block context). */
export function selectScalarStyle(requested: ScalarStyle, analysis: ScalarAnalysis, simpleKey: boolean, empty: boolean): ScalarStyle {
  let style = requested
  if (simpleKey && analysis.multiline) style = 'double'
  if (style === 'plain' && (!analysis.plainAllowed || (empty && simpleKey))) style = 'single'
  if (style === 'single' && !analysis.singleQuotedAllowed) style = 'double'
  if (style === 'literal' && (!analysis.blockAllowed || simpleKey)) style = 'double'
  return style
}

const INT64_MIN = -(2n ** 63n)
const UINT64_MAX = 2n ** 64n - 1n

/**
 * Returns a number as kubectl's YAML shows it. sigs.k8s.io/yaml marshals to JSON first and re-reads it
 * with go-yaml, so the JSON digits decide: they print as an integer when they fit int64 or uint64, and
 * otherwise as a Go float (`strconv.FormatFloat(f, 'g', -1, 64)`: `1.5`, `1e-05`, `1.2345675e+06`).
 */
export function formatYamlNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan'
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf'
  if (Number.isSafeInteger(n)) return Object.is(n, -0) ? '0' : String(n) // well inside int64
  if (Number.isInteger(n) && Math.abs(n) < 1e21) {
    const digits = Object.is(n, -0) ? '0' : String(n)
    const big = BigInt(digits)
    if (big >= INT64_MIN && big <= UINT64_MAX) return digits
  }
  return formatGoFloatG(n)
}

/** Returns Go's shortest `%g` formatting of a float64 (exponent form below 1e-4 and from 1e6 up). */
export function formatGoFloatG(n: number): string {
  const [mantissa, expText] = n.toExponential().split('e')
  const exp = Number(expText)
  const sign = n < 0 ? '-' : ''
  const digits = mantissa.replace('-', '').replace('.', '')
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : ''
    const expAbs = String(Math.abs(exp)).padStart(2, '0')
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${expAbs}`
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0')
  const frac = digits.slice(exp + 1)
  return frac ? `${sign}${whole}.${frac}` : `${sign}${whole}`
}
