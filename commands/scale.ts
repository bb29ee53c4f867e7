import {KbeCommand} from '../src/cli/base-command.js'
import * as shared from '../src/cli/flags.js'
import {completeScale} from '../src/cli/scale-args.js'
import {runScale} from '../src/cli/scale.js'

export default class Scale extends KbeCommand {
  static description = 'Set a new size for a deployment, replica set or replication controller.'
  static strict = false
  static examples = [
    '# Scale a replication controller named rcsise to 2\n  kbe scale --replicas=2 rc/rcsise',
    '# Scale a resource identified by type and name specified in "rc.yaml" to 3\n  kbe scale --replicas=3 -f rc.yaml',
  ]

  static flags = {
    namespace: shared.namespace,
    filename: shared.filename,
    replicas: shared.replicas,
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Scale)
    const options = await completeScale(argv as string[], flags, this.settings().now)
    await this.write((cluster) => runScale(options, options.requests, cluster))
  }
}
