import assert from 'node:assert/strict'
import {StatusError} from '../../src/api/errors.js'
import {
  LabelSelectorError, labelSelectorAsSelector, matchLabelSelector, parseListSelector, parseSelector, selectorFromSet, selectorListError,
} from '../../src/api/labels/selector.js'

const NAME_PART = `name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`
const LABEL_VALUE = `a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`

describe('parseSelector: canonical form', () => {
  const cases: {name: string; given: string; want: string}[] = [
    {name: 'empty selector', given: '', want: ''},
    {name: 'whitespace only', given: ' \t\n', want: ''},
    {name: 'equality', given: 'app=sise', want: 'app=sise'},
    {name: 'double equals kept', given: 'app==sise', want: 'app==sise'},
    {name: 'not equals', given: 'env!=prod', want: 'env!=prod'},
    {name: 'sorted by key', given: 'z=1,a=2', want: 'a=2,z=1'},
    {name: 'spaces around tokens', given: ' a = b , c != d ', want: 'a=b,c!=d'},
    {name: 'exists', given: 'app', want: 'app'},
    {name: 'does not exist', given: '!app', want: '!app'},
    {name: 'in with sorted values', given: 'env in (prod,dev)', want: 'env in (dev,prod)'},
    {name: 'notin', given: 'env notin (qa)', want: 'env notin (qa)'},
    {name: 'empty value set means {""}', given: 'env in ()', want: 'env in ()'},
    {name: 'empty values inside a set', given: 'x in (foo,,baz),y,z notin ()', want: 'x in (,baz,foo),y,z notin ()'},
    {name: 'keyword as value', given: 'a in (in,notin)', want: 'a in (in,notin)'},
    {name: 'keyword as key', given: 'in=x', want: 'in=x'},
    {name: 'empty exact value', given: 'a=', want: 'a='},
    {name: 'greater than', given: 'replicas>1', want: 'replicas>1'},
    {name: 'less than', given: 'replicas<10', want: 'replicas<10'},
    {name: 'prefixed key', given: 'app.kubernetes.io/name=web', want: 'app.kubernetes.io/name=web'},
    {name: 'operator run split greedily', given: 'a!=b', want: 'a!=b'},
  ]
  for (const c of cases) it(c.name, () => assert.equal(parseSelector(c.given).toString(), c.want))
})

describe('parseSelector: errors', () => {
  const cases: {name: string; given: string; want: string}[] = [
    {name: 'unterminated set', given: 'a in (', want: 'unable to parse requirement: found \'\', expected: \',\', \')\' or identifier'},
    {name: 'set without parenthesis', given: 'a in b', want: 'unable to parse requirement: found \'b\' expected: \'(\''},
    {name: 'two values without comma', given: 'a in (b c)', want: 'unable to parse requirement: found \'c\', expected: \',\' or \')\''},
    {name: 'operator in a set', given: 'a in (b,=)', want: 'unable to parse requirement: found \'=\', expected: \',\', or identifier'},
    {name: 'leading comma', given: ',a', want: 'found \',\', expected: !, identifier, or \'end of string\''},
    {name: 'trailing comma', given: 'a,', want: 'found \'\', expected: identifier after \',\''},
    {name: 'missing comma', given: 'a=b c', want: 'found \'c\', expected: \',\' or \'end of string\''},
    {name: 'bang as operator', given: 'a!b', want: 'unable to parse requirement: found \'!\', expected: in, notin, =, ==, !=, gt, lt'},
    {name: 'double bang', given: '!!a', want: 'unable to parse requirement: found \'!\', expected: identifier'},
    {name: 'two values', given: 'a=b=c', want: 'found \'=\', expected: \',\' or \'end of string\''},
    {name: 'operator value', given: 'a=(', want: 'unable to parse requirement: found \'(\', expected: identifier'},
    {name: 'invalid key has <nil> path', given: 'A$', want: `unable to parse requirement: <nil>: Invalid value: "A$": ${NAME_PART}`},
    {name: 'empty prefix', given: '/a', want: 'unable to parse requirement: <nil>: Invalid value: "/a": prefix part must be non-empty'},
    {name: 'invalid value', given: 'a=b$', want: `unable to parse requirement: values[0][a]: Invalid value: "b$": ${LABEL_VALUE}`},
    {
      name: 'two invalid values aggregate in sorted order',
      given: 'a in (zz$,b$)',
      want: `unable to parse requirement: [values[0][a]: Invalid value: "b$": ${LABEL_VALUE}, values[1][a]: Invalid value: "zz$": ${LABEL_VALUE}]`,
    },
    {name: 'too long value', given: `a=${'x'.repeat(64)}`, want: `unable to parse requirement: values[0][a]: Invalid value: "${'x'.repeat(64)}": must be no more than 63 characters`},
    {name: 'non-integer gt', given: 'a>x', want: 'unable to parse requirement: values[0]: Invalid value: "x": for \'Gt\', \'Lt\' operators, the value must be an integer'},
    {name: 'empty gt', given: 'a>', want: 'unable to parse requirement: values[0]: Invalid value: "": for \'Gt\', \'Lt\' operators, the value must be an integer'},
    {name: 'too many slashes', given: 'x/y/z', want: `unable to parse requirement: <nil>: Invalid value: "x/y/z": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`},
  ]
  for (const c of cases) {
    it(c.name, () => assert.throws(() => parseSelector(c.given), (e: unknown) => e instanceof LabelSelectorError && e.message === c.want))
  }
})

describe('Selector.matches', () => {
  const labels = {app: 'sise', env: 'dev', replicas: '3'}
  const cases: {name: string; selector: string; labels?: Record<string, string>; want: boolean}[] = [
    {name: 'empty matches all', selector: '', want: true},
    {name: 'equality', selector: 'app=sise', want: true},
    {name: 'equality miss', selector: 'app=other', want: false},
    {name: 'not equals on missing key matches', selector: 'tier!=web', want: true},
    {name: 'notin on missing key matches', selector: 'tier notin (web)', want: true},
    {name: 'in', selector: 'env in (dev,prod)', want: true},
    {name: 'in with empty value set', selector: 'env in ()', want: false},
    {name: 'exists', selector: 'env', want: true},
    {name: 'does not exist', selector: '!env', want: false},
    {name: 'gt', selector: 'replicas>2', want: true},
    {name: 'lt', selector: 'replicas<3', want: false},
    {name: 'gt on non-integer label', selector: 'app>1', want: false},
    {name: 'all requirements', selector: 'app=sise,env=prod', want: false},
    {name: 'undefined labels', selector: '!app', labels: undefined, want: true},
  ]
  for (const c of cases) {
    it(c.name, () => assert.equal(parseSelector(c.selector).matches('labels' in c ? c.labels : labels), c.want))
  }
})

describe('selectorFromSet / labelSelectorAsSelector', () => {
  it('builds a sorted equality selector', () => assert.equal(selectorFromSet({b: '2', a: '1'}).toString(), 'a=1,b=2'))
  it('an empty set matches everything', () => assert.equal(selectorFromSet({}).matches({x: 'y'}), true))
  it('a nil LabelSelector matches nothing', () => assert.equal(matchLabelSelector(undefined, {}), false))
  it('an empty LabelSelector matches everything', () => assert.equal(matchLabelSelector({}, {a: 'b'}), true))
  it('matchLabels and matchExpressions combine', () => {
    const ls = {matchLabels: {app: 'sise'}, matchExpressions: [{key: 'env', operator: 'NotIn', values: ['prod']}, {key: 'tier', operator: 'DoesNotExist'}]}
    assert.equal(labelSelectorAsSelector(ls).toString(), 'app=sise,env notin (prod),!tier')
    assert.equal(matchLabelSelector(ls, {app: 'sise', env: 'dev'}), true)
    assert.equal(matchLabelSelector(ls, {app: 'sise', tier: 'web'}), false)
  })
  it('rejects an unknown operator', () => {
    assert.throws(() => labelSelectorAsSelector({matchExpressions: [{key: 'a', operator: 'Foo'}]}), /^LabelSelectorError: "Foo" is not a valid label selector operator$/)
  })
  it('rejects In without values', () => {
    assert.throws(() => labelSelectorAsSelector({matchExpressions: [{key: 'a', operator: 'In', values: []}]}), {message: 'values: Invalid value: []string(nil): for \'in\', \'notin\' operators, values set can\'t be empty'})
  })
})

describe('selector list errors', () => {
  it('wraps a parse error like kubectl shows it', () => {
    assert.throws(() => parseListSelector('/v1, Resource=pods', 'a in ('), (e: unknown) => e instanceof StatusError && e.reason === 'BadRequest' &&
      e.message === 'Unable to find "/v1, Resource=pods" that match label selector "a in (", field selector "": unable to parse requirement: found \'\', expected: \',\', \')\' or identifier')
  })
  it('quotes the selector Go-style', () => {
    const err = selectorListError('apps/v1, Resource=deployments', 'a="b', 'boom')
    assert.equal(err.message, 'Unable to find "apps/v1, Resource=deployments" that match label selector "a=\\"b", field selector "": boom')
  })
})
