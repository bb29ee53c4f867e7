// The low-level YAML text writer behind printYaml: the column / "just wrote whitespace" / "only
// indentation so far on this line" bookkeeping of go-yaml v2's emitter (libyaml's), and its four scalar
// writers (plain, single-quoted, double-quoted, literal block). Those three flags decide where line breaks
// and separating spaces go, and the column decides where long scalars fold (past 80 columns, at a space),
// so kubectl's exact layout depends on keeping them the way go-yaml does. Columns count code points, as
// go-yaml counts characters. Text accumulates as pieces joined into chunks of a few hundred kilobytes;
// a scalar with nothing to fold or escape goes in as one piece (unbrokenScalar), others character by
// character. This module knows nothing about maps, lists or quoting rules (see yaml.ts and scalar.ts).
import {isBreak, isPrintable} from './scalar.js'

/** go-yaml's best_width: a scalar may break at a space once the column is past this. */
const BEST_WIDTH = 80
/** go-yaml's best_indent. */
export const BEST_INDENT = 2

/** Escapes of go-yaml's double-quoted writer that are not \x/\u/\U hex forms. */
const NAMED_ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
}

/** Pieces are joined into one chunk once this many have accumulated (keeps the piece list short). */
const PIECES_PER_CHUNK = 4096

/** Accumulates emitted YAML text with go-yaml's layout state. */
export class YamlWriter {
  private readonly done: string[] = []
  private pieces: string[] = []
  /** Where finished chunks go; without one they are kept for chunks() and text(). */
  private readonly sink: ((chunk: string) => void) | undefined
  /** Current indentation; -1 before the root collection starts. */
  indent = -1
  private column = 0
  /** The last thing written was whitespace (or the line start), so no separating space is needed. */
  private whitespace = true
  /** Only indentation has been written on the current line. */
  indention = true

  constructor(sink?: (chunk: string) => void) {
    this.sink = sink
  }

  /** Returns everything written so far. */
  text(): string {
    return this.chunks().join('')
  }

  /** Returns everything written so far, in pieces of a few hundred kilobytes at most. */
  chunks(): string[] {
    this.end()
    return [...this.done]
  }

  /** Hands the last chunk over (to the sink, or to the kept chunks). */
  end(): void {
    if (this.pieces.length > 0) this.flush()
  }

  private flush(): void {
    const chunk = this.pieces.join('')
    this.pieces = []
    if (this.sink) this.sink(chunk)
    else this.done.push(chunk)
  }

  private push(text: string): void {
    if (this.pieces.push(text) >= PIECES_PER_CHUNK) this.flush()
  }

  private put(s: string): void {
    this.push(s)
    this.column += 1
  }

  /** Writes text without breaks that takes `columns` columns (code points). */
  private putText(s: string, columns: number): void {
    this.push(s)
    this.column += columns
  }

  private putBreak(): void {
    this.push('\n')
    this.column = 0
  }

  /** Writes a line break character from a scalar; any break restarts the column. */
  private writeBreak(ch: string): void {
    if (ch === '\n') this.putBreak()
    else {
      this.push(ch)
      this.column = 0
    }
  }

  /** Moves to the current indentation, starting a new line unless the line holds only indentation. */
  writeIndent(): void {
    const indent = Math.max(this.indent, 0)
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.push(breakAndBlanks(indent))
      this.column = indent
    } else if (this.column < indent) this.putText(blanks(indent - this.column), indent - this.column)
    this.whitespace = true
    this.indention = true
  }

  /** Writes an indicator such as `-`, `:`, `?`, `{`, a quote or a block header. */
  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ')
    this.putText(indicator, indicator.length) // indicators are ASCII
    this.whitespace = isWhitespace
    this.indention = this.indention && isIndention
  }

  /** Writes a scalar prepared by unbrokenScalar (plain, single- or double-quoted; nothing to fold). */
  writeUnbroken(scalar: UnbrokenScalar): void {
    if (this.whitespace) this.putText(scalar.text, scalar.columns)
    else this.putText(scalar.spaced, scalar.columns + 1)
    this.whitespace = false
    this.indention = false
  }

  /** Writes a scalar's text as unbrokenText returns it, after a separating space if one is needed. */
  private writeUnbrokenText(text: string): void {
    if (!this.whitespace) this.put(' ')
    this.putText(text, codePointCount(text))
    this.whitespace = false
    this.indention = false
  }

  /** Writes an unquoted scalar; with `allowBreaks` it folds at the first single space past the width. */
  writePlain(value: string, allowBreaks: boolean): void {
    const text = unbrokenText(value, 'plain')
    if (text !== undefined) this.writeUnbrokenText(text)
    else this.writePlainByCharacter(value, allowBreaks)
  }

  /** writePlain character by character (what the shortcut must agree with). */
  writePlainByCharacter(value: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ')
    this.writeFlowText(Array.from(value), allowBreaks, false)
    this.whitespace = false
    this.indention = false
  }

  /** Writes a single-quoted scalar (`'` doubled inside), folding like a plain one. */
  writeSingleQuoted(value: string, allowBreaks: boolean): void {
    const text = unbrokenText(value, 'single')
    if (text !== undefined) this.writeUnbrokenText(text)
    else this.writeSingleQuotedByCharacter(value, allowBreaks)
  }

  /** writeSingleQuoted character by character (what the shortcut must agree with). */
  writeSingleQuotedByCharacter(value: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false)
    this.writeFlowText(Array.from(value), allowBreaks, true)
    this.writeIndicator("'", false, false, false)
    this.whitespace = false
    this.indention = false
  }

  /** The shared body of plain and single-quoted scalars. */
  private writeFlowText(chars: string[], allowBreaks: boolean, quoted: boolean): void {
    let spaces = false
    let breaks = false
    chars.forEach((ch, i) => {
      if (ch === ' ') {
        // A quoted scalar never folds at its first or last character: the space would be lost.
        const inner = !quoted || (i > 0 && i < chars.length - 1)
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && inner && chars[i + 1] !== ' ') this.writeIndent()
        else this.put(ch)
        spaces = true
      } else if (isBreak(ch)) {
        if (!breaks && ch === '\n') this.putBreak() // one break folds to a space, so write two
        this.writeBreak(ch)
        this.indention = true
        breaks = true
      } else {
        if (breaks) this.writeIndent()
        if (quoted && ch === "'") this.put("'")
        this.put(ch)
        this.indention = false
        spaces = false
        breaks = false
      }
    })
  }

  /** Writes a double-quoted scalar with go-yaml's escapes, folding past the width at a space. */
  writeDoubleQuoted(value: string, allowBreaks: boolean): void {
    const text = unbrokenText(value, 'double')
    if (text !== undefined) this.writeUnbrokenText(text)
    else this.writeDoubleQuotedByCharacter(value, allowBreaks)
  }

  /** writeDoubleQuoted character by character (what the shortcut must agree with). */
  writeDoubleQuotedByCharacter(value: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false)
    const chars = Array.from(value)
    let spaces = false
    chars.forEach((ch, i) => {
      const cp = ch.codePointAt(0)!
      if (!isPrintable(cp) || cp === 0xfeff || isBreak(ch) || ch === '"' || ch === '\\') {
        for (const c of `\\${escapeCode(cp)}`) this.put(c)
        spaces = false
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
          this.writeIndent()
          if (chars[i + 1] === ' ') this.put('\\') // keep the next space from being eaten by the fold
        } else this.put(ch)
        spaces = true
      } else {
        this.put(ch)
        spaces = false
      }
    })
    this.writeIndicator('"', false, false, false)
    this.whitespace = false
    this.indention = false
  }

  /** Writes a literal block scalar (`|`, `|-`, `|+`, with an indentation hint when it starts with a space). */
  writeLiteral(value: string): void {
    const chars = Array.from(value)
    this.writeIndicator('|', true, false, false)
    if (chars[0] === ' ' || (chars.length > 0 && isBreak(chars[0]))) this.writeIndicator(String(BEST_INDENT), false, false, false)
    const chomp = chompIndicator(chars)
    if (chomp) this.writeIndicator(chomp, false, false, false)
    this.putBreak()
    this.indention = true
    this.whitespace = true
    let breaks = true
    for (const ch of chars) {
      if (isBreak(ch)) {
        this.writeBreak(ch)
        this.indention = true
        breaks = true
      } else {
        if (breaks) this.writeIndent()
        this.put(ch)
        this.indention = false
        breaks = false
      }
    }
  }
}

/**
 * A scalar with no space to fold at, no line break and nothing to escape, prepared once to be written
 * many times: its text as the style writes it (quotes included, plus any suffix such as a key's `:`),
 * the same after the separating space, and the columns it takes.
 */
export interface UnbrokenScalar {
  text: string
  spaced: string
  columns: number
}

type WriterStyle = 'plain' | 'single' | 'double' | 'literal'

/** Returns the scalar prepared for writeUnbroken, or undefined when its writer has more to do. */
export function unbrokenScalar(value: string, style: WriterStyle, suffix = ''): UnbrokenScalar | undefined {
  const quoted = unbrokenText(value, style)
  if (quoted === undefined) return undefined
  const text = quoted + suffix
  return {text, spaced: ` ${text}`, columns: codePointCount(text)}
}

/**
 * Returns the scalar as its style writes it (quotes included) when the writer has nothing to decide: no
 * space to fold at and no line break (plain, single-quoted), nothing to escape either (double-quoted).
 */
function unbrokenText(value: string, style: WriterStyle): string | undefined {
  if (style === 'plain') return hasNoSpaceOrBreak(value) ? value : undefined
  if (style === 'single') return hasNoSpaceOrBreak(value) ? `'${value.replaceAll("'", "''")}'` : undefined
  if (style === 'double') return PLAIN_ASCII_WORD.test(value) ? `"${value}"` : undefined
  return undefined
}

const BLANKS = Array.from({length: 65}, (_, n) => ' '.repeat(n))
const BREAK_AND_BLANKS = BLANKS.map((b) => `\n${b}`)

/** Returns `n` spaces. */
function blanks(n: number): string {
  return BLANKS[n] ?? ' '.repeat(n)
}

/** Returns a line break followed by `n` spaces. */
function breakAndBlanks(n: number): string {
  return BREAK_AND_BLANKS[n] ?? `\n${' '.repeat(n)}`
}

const SPACE_OR_BREAK = /[ \n\r\u0085\u2028\u2029]/
const SURROGATE = /[\ud800-\udfff]/
/** Printable ASCII other than space, `"` and `\`: what a double-quoted scalar writes as is. */
const PLAIN_ASCII_WORD = /^[\x21\x23-\x5b\x5d-\x7e]*$/

/** Returns whether a plain or single-quoted scalar has no space to fold at and no line break. */
function hasNoSpaceOrBreak(value: string): boolean {
  return !SPACE_OR_BREAK.test(value)
}

/** Returns the number of code points (go-yaml's columns) in the text. */
function codePointCount(text: string): number {
  if (!SURROGATE.test(text)) return text.length
  let n = 0
  for (const _ of text) n++
  return n
}

/** Returns the block chomping indicator: strip (`-`) without a final break, keep (`+`) with several. */
function chompIndicator(chars: string[]): string {
  const n = chars.length
  if (n === 0 || !isBreak(chars[n - 1])) return '-'
  if (n === 1 || isBreak(chars[n - 2])) return '+'
  return ''
}

/** Returns the text after the backslash for a character the double-quoted writer escapes. */
function escapeCode(cp: number): string {
  const named = NAMED_ESCAPES[cp]
  if (named !== undefined) return named
  const hex = cp.toString(16).toUpperCase()
  if (cp <= 0xff) return `x${hex.padStart(2, '0')}`
  if (cp <= 0xffff) return `u${hex.padStart(4, '0')}`
  return `U${hex.padStart(8, '0')}`
}
