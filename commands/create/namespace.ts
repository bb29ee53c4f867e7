import {KbeCommand} from '../../src/cli/base-command.js'
import {buildNamespace, runCreateNamespace} from '../../src/cli/create-namespace.js'

export default class CreateNamespace extends KbeCommand {
  static description = 'Create a namespace with the specified name.'
  static aliases = ['create:ns']
  static strict = false
  static examples = ['# Create the namespace of the Namespaces page\n  kbe create namespace test']

  async run(): Promise<void> {
    const {argv} = await this.parse(CreateNamespace)
    buildNamespace(argv as string[])
    await this.write((cluster) => runCreateNamespace(argv as string[], cluster))
  }
}
