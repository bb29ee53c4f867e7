import {Flags} from '@oclif/core'
import {KbeCommand} from '../src/cli/base-command.js'
import * as shared from '../src/cli/flags.js'
import {runLabel} from '../src/cli/label.js'

export default class Label extends KbeCommand {
  static description = 'Update the labels on a resource.'
  static strict = false
  static examples = [
    '# Add the label owner=michael to the pod labelex\n  kbe label pods labelex owner=michael',
    '# Label the node so that pods with nodeSelector shouldrun=here can run on it\n  kbe label nodes minikube shouldrun=here',
    '# Change a label that already has a value\n  kbe label --overwrite pods labelex env=production',
    '# Remove the label owner\n  kbe label pods labelex owner-',
  ]

  static flags = {
    namespace: shared.namespace,
    selector: shared.selector,
    output: shared.output,
    overwrite: Flags.boolean({description: 'If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.'}),
    all: Flags.boolean({description: 'Select all resources, in the namespace of the specified resource types'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Label)
    await this.write((cluster) => runLabel({
      args: argv as string[],
      namespace: flags.namespace ?? 'default',
      overwrite: flags.overwrite,
      all: flags.all,
      selector: flags.selector,
      output: flags.output,
    }, cluster))
  }
}
