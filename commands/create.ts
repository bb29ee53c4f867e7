import {KbeCommand} from '../src/cli/base-command.js'
import {CliError} from '../src/api/errors.js'
import {runCreate} from '../src/cli/create.js'
import * as shared from '../src/cli/flags.js'
import {readSources} from '../src/cli/manifest-source.js'

export default class Create extends KbeCommand {
  static description = 'Create a resource from a file or from stdin.'
  static examples = [
    '# Create the replication controller of the Services page\n  kbe create -f https://raw.githubusercontent.com/mhausenblas/kbe/master/specs/services/rc.yaml',
    '# Create a pod from a local file in the namespace test\n  kbe create -n test -f pod.yaml',
    '# Create from stdin\n  cat pod.json | kbe create -f -',
  ]

  static flags = {
    namespace: shared.namespace,
    filename: shared.filename,
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Create)
    if (!flags.filename?.length) throw new CliError('must specify one of -f and -k')
    const sources = await readSources(flags.filename)
    await this.write((cluster) => runCreate({namespace: flags.namespace ?? 'default', namespaceGiven: flags.namespace !== undefined}, sources, cluster))
  }
}
