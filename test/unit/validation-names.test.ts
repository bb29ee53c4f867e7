import assert from 'node:assert/strict'
import {isQualifiedName, isValidLabelValue, validateLabels} from '../../src/api/labels/validation.js'
import {goQuote, goStringMap, goStringSlice} from '../../src/api/validation/go-format.js'
import {
  isConfigMapKey, isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isRelaxedEnvVarName, isValidIP, isValidPortName, nameIsDNSSubdomain,
} from '../../src/api/validation/names.js'

const SUBDOMAIN = `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`
const LABEL = `a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`
const DNS1035 = `a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`
const NAME_PART = `name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`

describe('name checks', () => {
  const cases: {name: string; check: (v: string) => string[]; given: string; want: string[]}[] = [
    {name: 'subdomain ok', check: isDNS1123Subdomain, given: 'web.example-1', want: []},
    {name: 'subdomain uppercase', check: isDNS1123Subdomain, given: 'MyPod', want: [SUBDOMAIN]},
    {name: 'subdomain too long and invalid', check: isDNS1123Subdomain, given: `${'a'.repeat(253)}-`, want: ['must be no more than 253 characters', SUBDOMAIN]},
    {name: 'label ok', check: isDNS1123Label, given: '123-abc', want: []},
    {name: 'label with dots', check: isDNS1123Label, given: 'a.b', want: ['must not contain dots']},
    {name: 'label with underscore', check: isDNS1123Label, given: 'a_b', want: [LABEL]},
    {name: 'label too long', check: isDNS1123Label, given: 'a'.repeat(64), want: ['must be no more than 63 characters']},
    {name: 'dns-1035 ok', check: isDNS1035Label, given: 'my-svc', want: []},
    {name: 'dns-1035 leading digit', check: isDNS1035Label, given: '9svc', want: [DNS1035]},
    {name: 'generateName prefix with dash', check: (v) => nameIsDNSSubdomain(v, true), given: 'web-', want: []},
    {name: 'generateName mask drops two chars', check: (v) => nameIsDNSSubdomain(v, true), given: 'a.-', want: []},
    {name: 'port name ok', check: isValidPortName, given: 'http-alt', want: []},
    {name: 'port name all digits', check: isValidPortName, given: '8080', want: ['must contain at least one letter (a-z)']},
    {name: 'port name edge dash', check: isValidPortName, given: '-web', want: ['must not begin or end with a hyphen']},
    {name: 'env name relaxed ok', check: isRelaxedEnvVarName, given: '1-a.b c', want: []},
    {name: 'env name non-ascii', check: isRelaxedEnvVarName, given: 'ä', want: ['a valid environment variable name must consist only of printable ASCII characters other than \'=\'']},
    {name: 'config key dotdot', check: isConfigMapKey, given: '..x', want: ['must not start with \'..\'']},
    {name: 'ipv4 ok', check: isValidIP, given: '10.96.0.1', want: []},
    {name: 'ipv6 ok', check: isValidIP, given: '2001:db8::ffff', want: []},
    {name: 'ipv4-mapped ipv6 ok', check: isValidIP, given: '::ffff:10.0.0.1', want: []},
    {name: 'bad ip', check: isValidIP, given: '10.0.0', want: ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']},
  ]
  for (const c of cases) it(c.name, () => assert.deepEqual(c.check(c.given), c.want))
})

describe('label keys and values', () => {
  const cases: {name: string; check: (v: string) => string[]; given: string; want: string[]}[] = [
    {name: 'simple key', check: isQualifiedName, given: 'app', want: []},
    {name: 'prefixed key', check: isQualifiedName, given: 'kubernetes.io/metadata.name', want: []},
    {name: 'bad prefix', check: isQualifiedName, given: 'Example.com/app', want: [`prefix part ${SUBDOMAIN}`]},
    {name: 'empty name part', check: isQualifiedName, given: 'example.com/', want: ['name part must be non-empty', NAME_PART]},
    {name: 'long name part', check: isQualifiedName, given: 'a'.repeat(64), want: ['name part must be no more than 63 characters']},
    {name: 'empty value ok', check: isValidLabelValue, given: '', want: []},
    {name: 'value too long', check: isValidLabelValue, given: 'v'.repeat(64), want: ['must be no more than 63 characters']},
  ]
  for (const c of cases) it(c.name, () => assert.deepEqual(c.check(c.given), c.want))

  it('validateLabels reports causes on the map path, in key order', () => {
    assert.deepEqual(validateLabels({'z!': 'ok', 'a': 'b c'}, 'metadata.labels'), [
      {field: 'metadata.labels', message: 'Invalid value: "b c": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')'},
      {field: 'metadata.labels', message: `Invalid value: "z!": ${NAME_PART}`},
    ])
  })
})

describe('Go value formatting', () => {
  const cases: {name: string; got: string; want: string}[] = [
    {name: 'quote plain', got: goQuote('abc'), want: '"abc"'},
    {name: 'quote escapes', got: goQuote('a"b\\c\n\t'), want: '"a\\"b\\\\c\\n\\t"'},
    {name: 'quote control char', got: goQuote('\x01'), want: '"\\x01"'},
    {name: 'quote keeps unicode', got: goQuote('héllo'), want: '"héllo"'},
    {name: 'map sorted', got: goStringMap({b: '2', a: '1'}).text, want: 'map[string]string{"a":"1", "b":"2"}'},
    {name: 'empty map', got: goStringMap({}).text, want: 'map[string]string{}'},
    {name: 'nil map', got: goStringMap(undefined).text, want: 'map[string]string(nil)'},
    {name: 'slice', got: goStringSlice(['a', 'b']).text, want: '[]string{"a", "b"}'},
  ]
  for (const c of cases) it(c.name, () => assert.equal(c.got, c.want))
})
