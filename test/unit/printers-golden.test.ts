// Whole-output checks of the -o printers against real kubectl v1.32: every golden in test/golden/output
// was captured from /usr/bin/kubectl talking to the oracle API server that served the objects in
// printers-fixtures.ts (see that file). `<case>.txt` is kubectl's stdout, `<case>.stderr.txt` its stderr
// for the cases where kubectl fails.
import assert from 'node:assert/strict'
import {CliError} from '../../src/api/errors.js'
import {printedString, resolvePrinter} from '../../src/printers/resolve.js'
import {expectGolden} from '../helpers/golden.js'
import {getAllObjects, mixedObjects, oracleObjects as o, seededPods} from './printers-fixtures.js'

interface GoldenCase {
  name: string
  /** The -o value given to kubectl. */
  output: string
  objects: object[]
  /** `get <kind> <name>` (one named object) rather than a list. */
  single?: boolean
}

const single = (name: string, output: string, object: object): GoldenCase => ({name, output, objects: [object], single: true})
const allPods = [o.pod, ...seededPods]
const listYes = [o['list-a'], o['list-b']]

const jsonYamlCases: GoldenCase[] = ['quoting', 'multiline', 'folding', 'keys', 'unicode', 'numbers', 'structure', 'boundary', 'ctl-nel', 'ctl-del', 'ctl-c1', 'pod', 'event']
  .flatMap((n) => [single(`yaml-${n}`, 'yaml', o[n]), single(`json-${n}`, 'json', o[n])])

const cases: GoldenCase[] = [
  ...jsonYamlCases,
  {name: 'yaml-list', output: 'yaml', objects: listYes},
  {name: 'json-list', output: 'json', objects: listYes},
  {name: 'yaml-list-two', output: 'yaml', objects: listYes, single: false},
  {name: 'yaml-list-empty', output: 'yaml', objects: []},
  {name: 'json-list-empty', output: 'json', objects: []},
  single('name-pod', 'name', o.pod),
  {name: 'name-all', output: 'name', objects: getAllObjects},
  {name: 'name-mixed', output: 'name', objects: mixedObjects},
  {name: 'jp-names', output: 'jsonpath={.items[*].metadata.name}', objects: allPods},
  single('jp-single', 'jsonpath={.metadata.name} {.spec.containers[0].ports} {.metadata.labels} x{.nope}y {.status.conditions[0].lastProbeTime}|{.spec.enableServiceLinks}|{.spec.terminationGracePeriodSeconds}', o.pod),
  {name: 'jp-range', output: 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}', objects: allPods},
  {name: 'jp-bad', output: 'jsonpath={.items[*', objects: allPods},
  single('jp-asjson', 'jsonpath-as-json={.metadata.labels}', o.pod),
  single('jp-numbers', 'jsonpath={.numbers.floats} {.numbers.big} {.numbers.floats[*]} {.numbers.big[*]} {.numbers.nulls[*]} {.numbers.empty}', o.numbers),
  single('jp-filter', 'jsonpath={.status.conditions[?(@.type=="Ready")].status} {.spec.containers[-1:].name} {..containerPort} {.metadata.labels.app} {.metadata.labels.pod-template-hash}', o.pod),
  single('jp-html', 'jsonpath={.data.html} {.data}', o.unicode),
  single('jp-dot', 'jsonpath={.}', o['list-a']),
  single('jp-upper', 'JSONPATH={.metadata.name}', o['list-a']),
  single('jp-oob', 'jsonpath={.numbers.ints[10]}', o.numbers),
  single('jp-slices', 'jsonpath={.numbers.ints[-1]}|{.numbers.ints[1:3]}|{.numbers.ints[::2]}|{.numbers.ints[-2:]}|{.numbers.ints[2:2]}|{.numbers.ints[0,2]}', o.numbers),
  single('jp-numfilter', 'jsonpath={.spec.containers[0].ports[?(@.containerPort>9000)].protocol}|{.spec.containers[?(@.name!="x")].image}|{.status.podIPs[?(@.ip)].ip}', o.pod),
  {name: 'jp-emptyrange', output: 'jsonpath={range .items[*]}[{.metadata.name}]{end}after', objects: []},
  {name: 'jp-range2', output: 'jsonpath={range .items[*]}{.metadata.name}{","}{end}{.kind}', objects: listYes},
  single('jp-dictkey', "jsonpath={.metadata.labels['pod-template-hash']}|{.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']}|{.metadata['name','namespace']}", o.pod),
  single('jp-escape', 'jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}', o.pod),
  single('jp-recursive', 'jsonpath={..name}', o.pod),
  single('jp-endonly', 'jsonpath={end}', o.pod),
  single('jp-badchar', 'jsonpath={.a{', o.pod),
  {name: 'jp-asjson-list', output: 'jsonpath-as-json={.items[*].metadata.name}x{"y"}', objects: listYes},
  single('jp-nullnested', 'jsonpath={.eventTime}|{.count}|{.involvedObject}', o.event),
  {name: 'cc-basic', output: 'custom-columns=NAME:.metadata.name,IP:.status.podIP,LBL:.metadata.labels,X:.foo', objects: allPods},
  {name: 'cc-brace', output: 'custom-columns=NAME:{.metadata.name},C:spec.containers[*].name,P:.spec.containers[0].ports', objects: allPods},
  {name: 'cc-empty', output: 'custom-columns=N:.metadata.name', objects: []},
  single('cc-single', 'custom-columns=NAME:.metadata.name,COND:.status.conditions,RC:.status.containerStatuses[0].restartCount,READY:.status.containerStatuses[0].ready,T:.metadata.creationTimestamp', o.pod),
  single('cc-nulls', 'custom-columns=T:.eventTime,C:.count,S:{.source},E:.nothing.deeper', o.event),
  single('cc-numbers', 'custom-columns=F:.numbers.floats,B:.numbers.big,E:.numbers.empty,N:.numbers.nulls', o.numbers),
  {name: 'cc-badpath', output: 'custom-columns=A:{.a}{.b}', objects: allPods},
  {name: 'cc-nospec', output: 'custom-columns', objects: allPods},
  {name: 'cc-bad', output: 'custom-columns=NAME', objects: allPods},
  {name: 'bad-format', output: 'foo', objects: allPods},
  {name: 'bad-format2', output: 'jsonpath', objects: allPods},
]

/** Returns what kubectl writes to stderr for a client-side error (checkErr: `error: ` prefix, one newline). */
function kubectlStderr(err: CliError): string {
  const text = `error: ${err.message}`
  return text.endsWith('\n') ? text : `${text}\n`
}

/** Runs the printer as `kubectl get … -o <output>` would: [stdout, stderr]. */
function runPrinter(c: GoldenCase): [string, string] {
  try {
    const printer = resolvePrinter(c.output)
    assert.equal(printer.family, 'output')
    if (printer.family !== 'output') return ['', '']
    return [printedString(printer.print(c.objects, {singleItemImplied: c.single ?? false})), '']
  } catch (err) {
    if (err instanceof CliError) return ['', kubectlStderr(err)]
    throw err
  }
}

describe('-o printers match real kubectl (test/golden/output)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const [stdout, stderr] = runPrinter(c)
      if (stderr) expectGolden('output', `${c.name}.stderr`, stderr)
      else expectGolden('output', c.name, stdout)
    })
  }

  it('accepts JSON, YAML and NAME in capitals, as kubectl does', () => {
    for (const [upper, lower] of [['JSON', 'json'], ['YAML', 'yaml'], ['NAME', 'name']]) {
      assert.equal(runPrinter(single('u', upper, o.pod))[0], runPrinter(single('l', lower, o.pod))[0])
    }
  })

  it('rejects WIDE in capitals (kubectl: unable to match a printer)', () => {
    expectGolden('output', 'upper-wide.stderr', runPrinter(single('u', 'WIDE', o.pod))[1])
  })
})
