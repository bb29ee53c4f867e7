import {KbeCommand} from '../src/cli/base-command.js'
import * as shared from '../src/cli/flags.js'
import {runGet, splitLabelColumns} from '../src/cli/get.js'

export default class Get extends KbeCommand {
  static description = 'Display one or many resources.'
  static strict = false
  static examples = [
    '# List all pods in ps output format\n  kbe get pods',
    '# List all pods with the label app=sise, with more information (such as node name)\n  kbe get pods -l app=sise -o wide',
    '# List a single replication controller with specified NAME in JSON output format\n  kbe get -o json rc rcsise',
    '# List all replication controllers and services together in ps output format\n  kbe get rc,services',
  ]

  static flags = {
    namespace: shared.namespace,
    'all-namespaces': shared.allNamespaces,
    selector: shared.selector,
    output: shared.output,
    'show-labels': shared.showLabels,
    'no-headers': shared.noHeaders,
    'label-columns': shared.labelColumns,
    'show-kind': shared.showKind,
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Get)
    await this.read((cluster, settings) => runGet({
      args: argv as string[],
      namespace: flags.namespace ?? 'default',
      allNamespaces: flags['all-namespaces'],
      selector: flags.selector,
      output: flags.output,
      showLabels: flags['show-labels'],
      noHeaders: flags['no-headers'],
      labelColumns: splitLabelColumns(flags['label-columns']),
      showKind: flags['show-kind'],
    }, cluster, settings.now))
  }
}
