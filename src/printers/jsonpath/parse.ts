// The template parser of kubectl's `-o jsonpath=` (client-go util/jsonpath): literal text outside `{}`,
// and inside each action a chain of steps — `.field`, `['key']`, `[0]`, `[-1]`, `[1:3]`, `[*]`, `.*`,
// `..field`, `[0,1]` unions, `[?(@.a=="x")]` filters, `"quoted text"`, numbers, `true`/`false`, and the
// `range` / `end` keywords. It keeps client-go's quirks that show in output (`['a.b']` splits at the dot,
// `[-1]` means the last element) and its error texts. Pure: text in, node tree out.

export type JsonPathNode =
  | {type: 'list'; nodes: JsonPathNode[]}
  | {type: 'text'; text: string}
  | {type: 'field'; name: string}
  | {type: 'array'; params: SliceParam[]}
  | {type: 'filter'; left: ListNode; right: ListNode; operator: string}
  | {type: 'int' | 'float'; value: number}
  | {type: 'bool'; value: boolean}
  | {type: 'wildcard'}
  | {type: 'recursive'}
  | {type: 'union'; nodes: ListNode[]}
  | {type: 'identifier'; name: string}

export type ListNode = Extract<JsonPathNode, {type: 'list'}>

/** One of the three `[start:end:step]` parameters; `derived` marks the end implied by `[i]`. */
export interface SliceParam {
  known: boolean
  value: number
  derived?: boolean
}

/** A template syntax error, worded as client-go words it. */
export class JsonPathSyntaxError extends Error {}

const SLICE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/
const DICT_KEY = /^'([^']*)'$/
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/

const isAlphaNumeric = (ch: string) => ch === '_' || /^[\p{L}\p{Nd}]$/u.test(ch)
const isTerminator = (ch: string | undefined) => ch === undefined || ' \t\r\n.,[]$@{}'.includes(ch)

/** Returns the parsed template: a root list of text nodes and one list node per `{…}` action. */
export function parseJsonPath(template: string): ListNode {
  const root: ListNode = {type: 'list', nodes: []}
  let pos = 0
  while (pos < template.length) {
    const open = template.indexOf('{', pos)
    const textEnd = open < 0 ? template.length : open
    if (textEnd > pos) root.nodes.push({type: 'text', text: template.slice(pos, textEnd)})
    if (open < 0) break
    const action: ListNode = {type: 'list', nodes: []}
    root.nodes.push(action)
    pos = new ActionParser(template, open + 1).parseInto(action)
  }
  return root
}

/** Parses `text` as the inside of one action (client-go's parseAction), for unions, keys and filters. */
function parseAction(text: string): ListNode {
  // Like client-go, only the first action counts: anything after an early `}` is dropped.
  const action: ListNode = {type: 'list', nodes: []}
  new ActionParser(`{${text}}`, 1).parseInto(action)
  return action
}

/** Scans one action from `pos` (just after `{`) to its `}`; returns the position after the `}`. */
class ActionParser {
  constructor(private readonly input: string, private pos: number) {}

  parseInto(cur: ListNode): number {
    for (;;) {
      const rest = this.input.slice(this.pos)
      if (rest.startsWith('}')) return this.pos + 1
      if (rest.startsWith('[?(')) this.parseFilter(cur)
      else if (rest.startsWith('..')) this.parseRecursive(cur)
      else this.parseStep(cur, rest)
    }
  }

  private parseStep(cur: ListNode, rest: string): void {
    const ch = String.fromCodePoint(rest.codePointAt(0) ?? 0)
    if (rest === '' || ch === '\r' || ch === '\n') throw new JsonPathSyntaxError('unclosed action')
    if (ch === ' ' || ch === '@' || ch === '$') this.pos += 1
    else if (ch === '[') this.parseArray(cur)
    else if (ch === '"' || ch === "'") this.parseQuote(cur, ch)
    else if (ch === '.') {
      this.pos += 1
      this.parseField(cur)
    } else if (ch === '+' || ch === '-' || /^\p{Nd}$/u.test(ch)) this.parseNumber(cur)
    else if (isAlphaNumeric(ch)) this.parseIdentifier(cur)
    else throw new JsonPathSyntaxError(`unrecognized character in action: ${formatRune(ch)}`)
  }

  /** Returns the text up to the next unescaped terminator (and moves past it). */
  private scanWord(): string {
    const start = this.pos
    while (!isTerminator(this.input[this.pos])) this.pos += this.input[this.pos] === '\\' ? 2 : 1
    this.pos = Math.min(this.pos, this.input.length)
    return this.input.slice(start, this.pos)
  }

  private parseField(cur: ListNode): void {
    const name = this.scanWord()
    cur.nodes.push(name === '*' ? {type: 'wildcard'} : {type: 'field', name: name.replaceAll('\\', '')})
  }

  private parseIdentifier(cur: ListNode): void {
    const word = this.scanWord()
    cur.nodes.push(word === 'true' || word === 'false' ? {type: 'bool', value: word === 'true'} : {type: 'identifier', name: word})
  }

  private parseRecursive(cur: ListNode): void {
    if (cur.nodes.at(-1)?.type === 'recursive') throw new JsonPathSyntaxError('invalid multiple recursive descent')
    this.pos += 2
    cur.nodes.push({type: 'recursive'})
    const next = this.input[this.pos]
    if (next !== undefined && isAlphaNumeric(next)) this.parseField(cur)
  }

  private parseNumber(cur: ListNode): void {
    const m = /^[+-]?[\p{Nd}.]*/u.exec(this.input.slice(this.pos))![0]
    this.pos += m.length
    if (/^[+-]?\d+$/.test(m)) cur.nodes.push({type: 'int', value: Number(m)})
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(m)) cur.nodes.push({type: 'float', value: Number(m)})
    else throw new JsonPathSyntaxError(`cannot parse number ${m}`)
  }

  private parseArray(cur: ListNode): void {
    const close = this.findArrayEnd()
    let text = this.input.slice(this.pos + 1, close)
    this.pos = close + 1
    if (text === '*') text = ':'
    const parts = text.split(',')
    if (parts.length > 1) {
      cur.nodes.push({type: 'union', nodes: parts.map((part) => parseAction(`[${part.replace(/^ +| +$/g, '')}]`))})
      return
    }
    const key = DICT_KEY.exec(text)
    if (key) {
      cur.nodes.push(...parseAction(`.${key[1]}`).nodes)
      return
    }
    cur.nodes.push({type: 'array', params: parseSliceParams(text)})
  }

  private findArrayEnd(): number {
    for (let i = this.pos + 1; i < this.input.length; i++) {
      if (this.input[i] === '\n') break
      if (this.input[i] === ']') return i
    }
    throw new JsonPathSyntaxError('unterminated array')
  }

  private parseFilter(cur: ListNode): void {
    const start = this.pos + 3
    let i = start
    let quote = ''
    let closedQuote = false
    for (;; i++) {
      const ch = this.input[i]
      if (ch === undefined || ch === '\n') throw new JsonPathSyntaxError('unterminated filter')
      if ((ch === '"' || ch === "'") && !quote) quote = ch
      else if (ch === quote && this.input[i - 1] !== '\\') closedQuote = true
      else if (ch === ')' && !quote === !closedQuote) break
    }
    if (this.input[i + 1] !== ']') throw new JsonPathSyntaxError('unclosed array expect ]')
    this.pos = i + 2
    const text = this.input.slice(start, i)
    const m = FILTER.exec(text)
    if (!m) cur.nodes.push({type: 'filter', left: parseAction(text), right: {type: 'list', nodes: []}, operator: 'exists'})
    else cur.nodes.push({type: 'filter', left: parseAction(m[1]), right: parseAction(m[3]), operator: m[2]})
  }

  private parseQuote(cur: ListNode, quote: string): void {
    let i = this.pos + 1
    for (; ; i++) {
      const ch = this.input[i]
      if (ch === undefined || ch === '\n') throw new JsonPathSyntaxError('unterminated quoted string')
      if (ch === quote && this.input[i - 1] !== '\\') break
    }
    const raw = this.input.slice(this.pos, i + 1)
    this.pos = i + 1
    cur.nodes.push({type: 'text', text: unquote(raw)})
  }
}

/** Returns the three slice parameters of `[start:end:step]` / `[i]` (client-go's parseArray). */
function parseSliceParams(text: string): SliceParam[] {
  const m = SLICE.exec(text)
  if (!m) throw new JsonPathSyntaxError(`invalid array index ${text}`)
  const params: SliceParam[] = []
  for (let i = 0; i < 3; i++) {
    const raw = m[i + 1]
    if (raw === undefined || (i === 0 && raw === '')) {
      // `[i]` means `[i:i+1]`; the derived end lets `[-1]` reach the last element.
      params.push(i === 1 ? {known: true, value: params[0].value + 1, derived: true} : {known: false, value: 0})
      continue
    }
    const digits = i > 0 ? raw.slice(1) : raw
    if (i > 0 && digits === '') params.push({known: false, value: 0})
    else if (/^-?\d+$/.test(digits)) params.push({known: true, value: Number(digits)})
    else throw new JsonPathSyntaxError(`array index ${digits} is not a number`)
  }
  return params
}

const ESCAPES: Record<string, string> = {a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\'}

/** Returns the text of a quoted literal with Go escapes (\n, \t, \xHH, \uHHHH, …) resolved. */
function unquote(raw: string): string {
  const quote = raw[0]
  const body = raw.slice(1, -1)
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/gs, (all, esc: string) => {
    if (ESCAPES[esc] !== undefined) return ESCAPES[esc]
    if (esc === quote) return quote
    if (/^[xuU]/.test(esc) && esc.length > 1) return String.fromCodePoint(parseInt(esc.slice(1), 16))
    if (/^[0-7]{3}$/.test(esc)) return String.fromCodePoint(parseInt(esc, 8))
    throw new JsonPathSyntaxError(`unquote string ${raw} error invalid syntax`)
  })
}

/** Formats a rune as Go's %#U does: `U+007B '{'`. */
function formatRune(ch: string): string {
  const cp = ch.codePointAt(0)!
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${ch}'`
}
