import {Args, Flags} from '@oclif/core'
import {KbeCommand} from '../../src/cli/base-command.js'
import * as shared from '../../src/cli/flags.js'
import {runRolloutUndo} from '../../src/cli/rollout-undo.js'
import {parseIntFlag} from '../../src/cli/rollout.js'

export default class RolloutUndo extends KbeCommand {
  static description = 'Roll back to a previous rollout.'
  static strict = false
  static args = {resource: Args.string({description: 'TYPE NAME or TYPE/NAME'})}
  static examples = [
    '# Roll back to the previous deployment\n  kbe rollout undo deployment/sise-deploy',
    '# Roll back to revision 1\n  kbe rollout undo deployment/sise-deploy --to-revision=1',
  ]

  static flags = {
    namespace: shared.namespace,
    'to-revision': Flags.string({description: 'The revision to rollback to. Default to 0 (last revision).'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(RolloutUndo)
    const options = {namespace: flags.namespace ?? 'default', toRevision: parseIntFlag('to-revision', flags['to-revision'], 'rollout undo') ?? 0}
    await this.write((cluster) => runRolloutUndo(options, argv as string[], cluster))
  }
}
