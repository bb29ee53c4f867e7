import assert from 'node:assert/strict'
import type {KubeObject} from '../../src/api/types.js'
import {applyDefaults} from '../../src/api/defaults/index.js'
import {validateObject} from '../../src/api/validation/index.js'

type Any = any

function makeService(fn: (s: Any) => void = () => {}): KubeObject {
  const s: Any = {apiVersion: 'v1', kind: 'Service', metadata: {name: 'simpleservice', namespace: 'default'}, spec: {ports: [{port: 80, targetPort: 9876}], selector: {app: 'sise'}}}
  fn(s)
  return applyDefaults(s)
}

function lines(obj: KubeObject): string[] {
  return validateObject(obj).map((c) => `${c.field}: ${c.message}`)
}

const DNS1035 = `a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`
const PORT_RANGE = 'must be between 1 and 65535, inclusive'

describe('validateObject: Service', () => {
  const cases: {name: string; given: (s: Any) => void; want: string[]}[] = [
    {name: 'valid service', given: () => {}, want: []},
    {name: 'uppercase name (DNS-1035)', given: (s) => (s.metadata.name = 'MySvc'), want: [`metadata.name: Invalid value: "MySvc": ${DNS1035}`]},
    {name: 'name starting with a digit', given: (s) => (s.metadata.name = '1svc'), want: [`metadata.name: Invalid value: "1svc": ${DNS1035}`]},
    {name: 'ports required', given: (s) => delete s.spec.ports, want: ['spec.ports: Required value']},
    {name: 'headless without ports is fine', given: (s) => ((s.spec.clusterIP = 'None'), delete s.spec.ports), want: []},
    {
      name: 'port zero (targetPort defaults to it)',
      given: (s) => (s.spec.ports = [{port: 0}]),
      want: [`spec.ports[0].port: Invalid value: 0: ${PORT_RANGE}`, `spec.ports[0].targetPort: Invalid value: 0: ${PORT_RANGE}`],
    },
    {name: 'port too big', given: (s) => (s.spec.ports[0].port = 70000), want: [`spec.ports[0].port: Invalid value: 70000: ${PORT_RANGE}`]},
    {name: 'targetPort too big', given: (s) => (s.spec.ports[0].targetPort = 99999), want: [`spec.ports[0].targetPort: Invalid value: 99999: ${PORT_RANGE}`]},
    {
      name: 'targetPort name invalid',
      given: (s) => (s.spec.ports[0].targetPort = 'my--port'),
      want: ['spec.ports[0].targetPort: Invalid value: "my--port": must not contain consecutive hyphens'],
    },
    {name: 'named targetPort is fine', given: (s) => (s.spec.ports[0].targetPort = 'http'), want: []},
    {
      name: 'unsupported protocol',
      given: (s) => (s.spec.ports[0].protocol = 'HTTP'),
      want: ['spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'],
    },
    {
      name: 'several ports must be named',
      given: (s) => (s.spec.ports = [{port: 80}, {port: 443}]),
      want: ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value'],
    },
    {
      name: 'duplicate port names',
      given: (s) => (s.spec.ports = [{name: 'web', port: 80}, {name: 'web', port: 443}]),
      want: ['spec.ports[1].name: Duplicate value: "web"'],
    },
    {
      name: 'port name must be a DNS label',
      given: (s) => (s.spec.ports[0].name = 'Web'),
      want: [`spec.ports[0].name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`],
    },
    {
      name: 'duplicate port/protocol',
      given: (s) => (s.spec.ports = [{name: 'a', port: 80}, {name: 'b', port: 80, targetPort: 81}]),
      want: ['spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}'],
    },
    {
      name: 'unsupported type',
      given: (s) => (s.spec.type = 'Foo'),
      want: ['spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
    },
    {
      name: 'invalid clusterIP stops validation early',
      given: (s) => ((s.spec.clusterIP = '10.0.0.300'), (s.spec.ports[0].port = 0)),
      want: ['spec.clusterIPs[0]: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'],
    },
    {name: 'valid clusterIP', given: (s) => (s.spec.clusterIP = '10.96.0.20'), want: []},
    {
      name: 'headless NodePort',
      given: (s) => ((s.spec.type = 'NodePort'), (s.spec.clusterIP = 'None')),
      want: ['spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services'],
    },
    {
      name: 'selector value',
      given: (s) => (s.spec.selector = {app: 'bad value'}),
      want: [`spec.selector: Invalid value: "bad value": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`],
    },
    {
      name: 'unsupported session affinity',
      given: (s) => (s.spec.sessionAffinity = 'Sticky'),
      want: ['spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"'],
    },
    {
      name: 'nodePort on a ClusterIP service',
      given: (s) => (s.spec.ports[0].nodePort = 30080),
      want: ['spec.ports[0].nodePort: Forbidden: may not be used when `type` is \'ClusterIP\''],
    },
    {
      name: 'externalTrafficPolicy on a ClusterIP service',
      given: (s) => (s.spec.externalTrafficPolicy = 'Local'),
      want: ['spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services'],
    },
    {name: 'ExternalName needs externalName', given: (s) => ((s.spec.type = 'ExternalName'), delete s.spec.ports), want: ['spec.externalName: Required value']},
  ]
  for (const c of cases) it(c.name, () => assert.deepEqual(lines(makeService(c.given)), c.want))
})
