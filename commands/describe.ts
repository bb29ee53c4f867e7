import {KbeCommand} from '../src/cli/base-command.js'
import {runDescribe} from '../src/cli/describe.js'
import * as shared from '../src/cli/flags.js'

export default class Describe extends KbeCommand {
  static description = 'Show details of a specific resource or group of resources.'
  static strict = false
  static examples = [
    '# Describe a pod\n  kbe describe pod rcsise-6nq3k',
    '# Describe all pods whose name starts with rcsise\n  kbe describe pods rcsise',
    '# Describe a service\n  kbe describe svc simpleservice',
  ]

  static flags = {
    namespace: shared.namespace,
    'all-namespaces': shared.allNamespaces,
    selector: shared.selector,
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Describe)
    await this.read((cluster, settings) => runDescribe({
      args: argv as string[],
      namespace: flags.namespace ?? 'default',
      allNamespaces: flags['all-namespaces'],
      selector: flags.selector,
    }, cluster, settings.now))
  }
}
