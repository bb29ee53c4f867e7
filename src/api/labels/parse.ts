// The label selector parser of apimachinery/pkg/labels (labels.Parse), followed step by step so that
// every error text and its `unable to parse requirement: ` wrapping match the apiserver. Grammar:
// requirement ("," requirement)*, where a requirement is `[!]key`, `key (=|==|!=) value`,
// `key (in|notin) (v1,v2)` or `key (>|<) integer`. In value position `in`/`notin` are plain words.

import {FieldPath} from '../validation/field.js'
import {scanSelector, type ScannedItem, type Token} from './lexer.js'
import {labelKeyError, LabelSelectorError, newRequirement, type Operator, type Requirement} from './requirement.js'
import {errorText} from '../validation/field.js'

type Context = 'KeyAndOperator' | 'Values'

// labels.binaryOperators, in the order the "expected:" message lists them.
const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt'

const TOKEN_OPERATORS: Partial<Record<Token, Operator>> = {
  In: 'in', Equals: '=', DoubleEquals: '==', GreaterThan: 'gt', LessThan: 'lt', NotIn: 'notin', NotEquals: '!=',
}

function fail(message: string): never {
  throw new LabelSelectorError(message)
}

class Parser {
  private position = 0

  constructor(private readonly items: ScannedItem[], private readonly path: FieldPath) {}

  lookahead(context: Context): ScannedItem {
    return this.asContext(this.items[this.position], context)
  }

  consume(context: Context): ScannedItem {
    return this.asContext(this.items[this.position++], context)
  }

  private asContext(item: ScannedItem, context: Context): ScannedItem {
    if (context === 'Values' && (item.tok === 'In' || item.tok === 'NotIn')) return {tok: 'Identifier', literal: item.literal}
    return item
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = []
    for (;;) {
      const {tok, literal} = this.lookahead('Values')
      if (tok === 'EndOfString') return requirements
      if (tok !== 'Identifier' && tok !== 'DoesNotExist') fail(`found '${literal}', expected: !, identifier, or 'end of string'`)
      try {
        requirements.push(this.parseRequirement())
      } catch (e) {
        if (e instanceof LabelSelectorError) fail(`unable to parse requirement: ${e.message}`)
        throw e
      }
      const next = this.consume('Values')
      if (next.tok === 'EndOfString') return requirements
      if (next.tok !== 'Comma') fail(`found '${next.literal}', expected: ',' or 'end of string'`)
      const after = this.lookahead('Values')
      if (after.tok !== 'Identifier' && after.tok !== 'DoesNotExist') fail(`found '${after.literal}', expected: identifier after ','`)
    }
  }

  private parseRequirement(): Requirement {
    const {key, operator} = this.parseKeyAndInferOperator()
    if (operator === 'exists' || operator === '!') return newRequirement(key, operator, [], this.path)
    const op = this.parseOperator()
    const values = op === 'in' || op === 'notin' ? this.parseValues() : this.parseExactValue()
    return newRequirement(key, op, [...values].sort(), this.path)
  }

  private parseKeyAndInferOperator(): {key: string; operator?: Operator} {
    let operator: Operator | undefined
    let item = this.consume('Values')
    if (item.tok === 'DoesNotExist') {
      operator = '!'
      item = this.consume('Values')
    }
    if (item.tok !== 'Identifier') fail(`found '${item.literal}', expected: identifier`)
    const keyErr = labelKeyError(item.literal, this.path)
    if (keyErr) fail(errorText(keyErr))
    const next = this.lookahead('Values').tok
    if ((next === 'EndOfString' || next === 'Comma') && operator !== '!') operator = 'exists'
    return {key: item.literal, operator}
  }

  private parseOperator(): Operator {
    const {tok, literal} = this.consume('KeyAndOperator')
    const op = TOKEN_OPERATORS[tok]
    if (!op) fail(`found '${literal}', expected: ${BINARY_OPERATORS}`)
    return op
  }

  private parseValues(): Set<string> {
    const open = this.consume('Values')
    if (open.tok !== 'OpenPar') fail(`found '${open.literal}' expected: '('`)
    const {tok, literal} = this.lookahead('Values')
    if (tok === 'ClosedPar') {
      this.consume('Values')
      return new Set([''])
    }
    if (tok !== 'Identifier' && tok !== 'Comma') fail(`found '${literal}', expected: ',', ')' or identifier`)
    const values = this.parseIdentifiersList()
    // Upstream reports the token that followed '(' here, not the one it found.
    if (this.consume('Values').tok !== 'ClosedPar') fail(`found '${literal}', expected: ')'`)
    return values
  }

  private parseIdentifiersList(): Set<string> {
    const values = new Set<string>()
    for (;;) {
      const {tok, literal} = this.consume('Values')
      if (tok === 'Identifier') {
        values.add(literal)
        const next = this.lookahead('Values')
        if (next.tok === 'Comma') continue
        if (next.tok === 'ClosedPar') return values
        fail(`found '${next.literal}', expected: ',' or ')'`)
      } else if (tok === 'Comma') {
        if (values.size === 0) values.add('') // "(," starts with an empty value
        const next = this.lookahead('Values').tok
        if (next === 'ClosedPar' || next === 'Comma') values.add('') // ",)" and ",," hold an empty value
        if (next === 'ClosedPar') return values
      } else {
        fail(`found '${literal}', expected: ',', or identifier`)
      }
    }
  }

  private parseExactValue(): Set<string> {
    const next = this.lookahead('Values').tok
    if (next === 'EndOfString' || next === 'Comma') return new Set([''])
    const {tok, literal} = this.consume('Values')
    if (tok === 'Identifier') return new Set([literal])
    fail(`found '${literal}', expected: identifier`)
  }
}

/** Returns the requirements of a selector string, sorted by key, or throws LabelSelectorError. */
export function parseRequirements(selector: string, path: FieldPath = FieldPath.nil()): Requirement[] {
  const items = new Parser(scanSelector(selector), path).parse()
  return items.map((r, i) => ({r, i})).sort((a, b) => (a.r.key < b.r.key ? -1 : a.r.key > b.r.key ? 1 : a.i - b.i)).map((x) => x.r)
}
