// Reads a stream of concatenated JSON values the way kubectl does when a manifest starts with `{`
// (apimachinery's YAMLOrJSONDecoder hands such streams to Go's encoding/json Decoder). It checks each
// value with a small scanner that words syntax errors like Go — `json: offset 39: invalid character '}'
// looking for beginning of object key string`, or a bare `unexpected EOF` — and then parses the value with
// JSON.parse. Go's offset counts the bytes of the whole stream up to and including the bad character;
// checked against kubectl v1.32. Pure; throws nothing.

/** One decoded value, or the error text that stopped the stream. */
export type JsonStreamItem = {value: unknown} | {error: string}

class JsonSyntaxError {
  constructor(readonly index: number, readonly message: string) {}
}

class JsonEndOfInput {}

/** Returns the values of a JSON stream in order; an error item (if any) is last. */
export function decodeJsonStream(text: string): JsonStreamItem[] {
  const items: JsonStreamItem[] = []
  let position = skipSpace(text, 0)
  while (position < text.length) {
    try {
      const end = scanValue(text, position, 'looking for beginning of value')
      items.push({value: JSON.parse(text.slice(position, end))})
      position = skipSpace(text, end)
    } catch (error) {
      if (error instanceof JsonEndOfInput) items.push({error: 'unexpected EOF'})
      else if (error instanceof JsonSyntaxError) {
        const offset = Buffer.byteLength(text.slice(0, error.index + 1))
        items.push({error: `json: offset ${offset}: ${error.message}`})
      } else throw error
      break
    }
  }
  return items
}

/** Returns the index just after the JSON value starting at `i`; `context` words a bad first character. */
function scanValue(text: string, i: number, context: string): number {
  const ch = at(text, i)
  if (ch === '{') return scanObject(text, i + 1)
  if (ch === '[') return scanArray(text, i + 1)
  if (ch === '"') return scanString(text, i + 1)
  if (ch === '-' || (ch >= '0' && ch <= '9')) return scanNumber(text, i)
  for (const literal of ['true', 'false', 'null']) {
    if (ch === literal[0]) return scanLiteral(text, i, literal)
  }
  throw invalid(text, i, context)
}

function scanObject(text: string, i: number): number {
  i = skipSpace(text, i)
  if (at(text, i) === '}') return i + 1
  for (;;) {
    if (at(text, i) !== '"') throw invalid(text, i, 'looking for beginning of object key string')
    i = skipSpace(text, scanString(text, i + 1))
    if (at(text, i) !== ':') throw invalid(text, i, 'after object key')
    i = skipSpace(text, scanValue(text, skipSpace(text, i + 1), 'looking for beginning of value'))
    const ch = at(text, i)
    if (ch === '}') return i + 1
    if (ch !== ',') throw invalid(text, i, 'after object key:value pair')
    i = skipSpace(text, i + 1)
  }
}

function scanArray(text: string, i: number): number {
  i = skipSpace(text, i)
  if (at(text, i) === ']') return i + 1
  for (;;) {
    i = skipSpace(text, scanValue(text, i, 'looking for beginning of value'))
    const ch = at(text, i)
    if (ch === ']') return i + 1
    if (ch !== ',') throw invalid(text, i, 'after array element')
    i = skipSpace(text, i + 1)
  }
}

function scanString(text: string, i: number): number {
  for (;;) {
    const ch = at(text, i)
    if (ch === '"') return i + 1
    if (ch < ' ') throw invalid(text, i, 'in string literal')
    if (ch === '\\') {
      const escape = at(text, i + 1)
      if (escape === 'u') {
        for (let k = i + 2; k < i + 6; k++) {
          if (!/[0-9a-fA-F]/.test(at(text, k))) throw invalid(text, k, 'in \\u hexadecimal character escape')
        }
        i += 6
        continue
      }
      if (!'"\\/bfnrt'.includes(escape)) throw invalid(text, i + 1, 'in string escape code')
      i += 2
      continue
    }
    i++
  }
}

function scanNumber(text: string, i: number): number {
  if (text[i] === '-') i++
  const first = at(text, i)
  if (first === '0') i++
  else if (first >= '1' && first <= '9') i = skipDigits(text, i)
  else throw invalid(text, i, 'in numeric literal')
  if (text[i] === '.') {
    if (!isDigit(at(text, i + 1))) throw invalid(text, i + 1, 'after decimal point in numeric literal')
    i = skipDigits(text, i + 1)
  }
  if (text[i] === 'e' || text[i] === 'E') {
    i++
    if (text[i] === '+' || text[i] === '-') i++
    if (!isDigit(at(text, i))) throw invalid(text, i, 'in exponent of numeric literal')
    i = skipDigits(text, i)
  }
  return i
}

function scanLiteral(text: string, i: number, literal: string): number {
  for (let k = 1; k < literal.length; k++) {
    if (at(text, i + k) !== literal[k]) throw invalid(text, i + k, `in literal ${literal} (expecting '${literal[k]}')`)
  }
  return i + literal.length
}

/** Returns the character at `i`, or throws end-of-input (Go's io.ErrUnexpectedEOF) past the end. */
function at(text: string, i: number): string {
  if (i >= text.length) throw new JsonEndOfInput()
  return text[i]
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && ' \t\r\n'.includes(text[i])) i++
  return i
}

function skipDigits(text: string, i: number): number {
  while (i < text.length && isDigit(text[i])) i++
  return i
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9'
}

function invalid(text: string, i: number, context: string): JsonSyntaxError {
  return new JsonSyntaxError(i, `invalid character ${quoteChar(text[i])} ${context}`)
}

/** Returns Go's encoding/json quoteChar rendering of a character: `'x'`, `'\n'`, `'\''`. */
function quoteChar(ch: string): string {
  if (ch === "'") return "'\\''"
  if (ch === '"') return `'"'`
  const escapes: Record<string, string> = {'\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\'}
  if (ch in escapes) return `'${escapes[ch]}'`
  const code = ch.codePointAt(0)!
  if (code < 0x20 || code === 0x7f) return `'\\x${code.toString(16).padStart(2, '0')}'`
  return `'${ch}'`
}
