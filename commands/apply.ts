import {KbeCommand} from '../src/cli/base-command.js'
import {CliError} from '../src/api/errors.js'
import {runApply} from '../src/cli/apply.js'
import * as shared from '../src/cli/flags.js'
import {readSources} from '../src/cli/manifest-source.js'

export default class Apply extends KbeCommand {
  static description = 'Apply a configuration to a resource by file name or stdin.'
  static examples = [
    '# Apply the deployment of the Deployments page\n  kbe apply -f https://raw.githubusercontent.com/openshift-evangelists/kbe/main/specs/deployments/d09.yaml',
    '# Apply every manifest of a folder in the namespace test\n  kbe apply -n test -f ./specs/',
    '# Apply the JSON passed into stdin\n  cat pod.json | kbe apply -f -',
  ]

  static flags = {
    namespace: shared.namespace,
    filename: shared.filename,
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Apply)
    if (!flags.filename?.length) throw new CliError('must specify one of -f and -k')
    const sources = await readSources(flags.filename)
    await this.write((cluster) => runApply({namespace: flags.namespace ?? 'default', namespaceGiven: flags.namespace !== undefined}, sources, cluster))
  }
}
