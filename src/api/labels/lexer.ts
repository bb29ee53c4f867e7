// The label selector lexer of apimachinery/pkg/labels: whitespace-separated identifiers, the keywords
// `in`/`notin`, and operator runs of the special characters `= ! ( ) , > <` scanned greedily while they
// still spell a known token (so `=!=` is `=` then `!=`). Owns tokenization only; parse.ts owns grammar.

export type Token =
  | 'Error' | 'EndOfString' | 'ClosedPar' | 'Comma' | 'DoesNotExist' | 'DoubleEquals' | 'Equals'
  | 'GreaterThan' | 'Identifier' | 'In' | 'LessThan' | 'NotEquals' | 'NotIn' | 'OpenPar'

export interface ScannedItem {
  tok: Token
  literal: string
}

const STRING_TO_TOKEN: Record<string, Token> = {
  ')': 'ClosedPar', ',': 'Comma', '!': 'DoesNotExist', '==': 'DoubleEquals', '=': 'Equals', '>': 'GreaterThan',
  'in': 'In', '<': 'LessThan', '!=': 'NotEquals', 'notin': 'NotIn', '(': 'OpenPar',
}

function tokenOf(s: string): Token | undefined {
  return Object.prototype.hasOwnProperty.call(STRING_TO_TOKEN, s) ? STRING_TO_TOKEN[s] : undefined
}

function isWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n'
}

function isSpecialSymbol(ch: string): boolean {
  return '=!(),><'.includes(ch) && ch !== ''
}

/** Splits a selector string into tokens, ending with an EndOfString item. */
export function scanSelector(s: string): ScannedItem[] {
  const items: ScannedItem[] = []
  let pos = 0
  const scanIdentifier = (): ScannedItem => {
    const start = pos
    while (pos < s.length && !isSpecialSymbol(s[pos]) && !isWhitespace(s[pos])) pos++
    const lit = s.slice(start, pos)
    return {tok: tokenOf(lit) ?? 'Identifier', literal: lit}
  }
  const scanSpecial = (): ScannedItem => {
    let buffer = ''
    let last: ScannedItem | undefined
    while (pos < s.length && isSpecialSymbol(s[pos])) {
      const tok = tokenOf(buffer + s[pos])
      if (tok) {
        buffer += s[pos++]
        last = {tok, literal: buffer}
      } else if (last) {
        break
      } else {
        buffer += s[pos++]
      }
    }
    return last ?? {tok: 'Error', literal: `error expected: keyword found '${buffer}'`}
  }
  for (;;) {
    while (pos < s.length && isWhitespace(s[pos])) pos++
    if (pos >= s.length) {
      items.push({tok: 'EndOfString', literal: ''})
      return items
    }
    items.push(isSpecialSymbol(s[pos]) ? scanSpecial() : scanIdentifier())
  }
}
