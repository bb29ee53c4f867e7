import {Args, Flags} from '@oclif/core'
import {KbeCommand} from '../../src/cli/base-command.js'
import * as shared from '../../src/cli/flags.js'
import {runRolloutHistory} from '../../src/cli/rollout-history.js'
import {parseIntFlag} from '../../src/cli/rollout.js'

export default class RolloutHistory extends KbeCommand {
  static description = 'View previous rollout revisions and configurations.'
  static strict = false
  static args = {resource: Args.string({description: 'TYPE NAME or TYPE/NAME'})}
  static examples = [
    '# View the rollout history of a deployment\n  kbe rollout history deployment/sise-deploy',
    '# View the details of deployment revision 2\n  kbe rollout history deployment/sise-deploy --revision=2',
  ]

  static flags = {
    namespace: shared.namespace,
    revision: Flags.string({description: 'See the details, including podTemplate of the revision specified'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(RolloutHistory)
    const options = {namespace: flags.namespace ?? 'default', revision: parseIntFlag('revision', flags.revision, 'rollout history')}
    await this.read((cluster) => runRolloutHistory(options, argv as string[], cluster))
  }
}
