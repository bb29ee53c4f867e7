import {Args, Flags} from '@oclif/core'
import {KbeCommand} from '../../src/cli/base-command.js'
import * as shared from '../../src/cli/flags.js'
import {parseGoDuration, playTimeline, rolloutStatusTimeline, takeWatchFlag} from '../../src/cli/rollout-status.js'
import {readCluster} from '../../src/cli/session.js'

export default class RolloutStatus extends KbeCommand {
  static description = 'Show the status of the rollout (played forward in simulated time until it is done).'
  static strict = false
  static args = {resource: Args.string({description: 'TYPE NAME or TYPE/NAME'})}
  static examples = ['# Watch the rollout status of a deployment\n  kbe rollout status deployment/sise-deploy']

  static flags = {
    namespace: shared.namespace,
    watch: Flags.boolean({char: 'w', description: 'Watch the status of the rollout until it\'s done.', default: true, allowNo: true}),
    timeout: Flags.string({description: 'The length of time to wait before ending watch, zero means never.', default: '0s'}),
  }

  async run(): Promise<void> {
    // oclif booleans have no `=value` form: `--watch=false` is taken out before parsing.
    const taken = takeWatchFlag(this.argv, true)
    this.argv = taken.args
    const {argv, flags} = await this.parse(RolloutStatus)
    const args = argv as string[]
    const watch = taken.watch && flags.watch
    const options = {namespace: flags.namespace ?? 'default', watch, timeoutMs: parseGoDuration(flags.timeout)}
    const settings = this.settings()
    const timeline = readCluster(settings, (cluster) => rolloutStatusTimeline(options, args, cluster))
    await playTimeline(timeline, settings.now, settings.realClock, (text) => process.stdout.write(text))
    this.emit(timeline.output)
  }
}
