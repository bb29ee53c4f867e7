import {Flags} from '@oclif/core'
import {KbeCommand} from '../src/cli/base-command.js'
import {completeIptablesSave, runIptablesSave} from '../src/cli/iptables-save.js'

export default class IptablesSave extends KbeCommand {
  static description = "Print the node's iptables rules as kube-proxy wrote them for the cluster's services (what `sudo iptables-save` shows on a node)."
  static examples = [
    '# The rules kube-proxy wrote for the simpleservice service\n  kbe iptables-save | grep simpleservice',
    '# Only the nat table, as kube-proxy v1.32 writes it\n  kbe iptables-save -t nat --style=modern',
  ]

  static flags = {
    table: Flags.string({char: 't', description: 'Print only this table (nat, filter or mangle).'}),
    style: Flags.string({description: 'Which kube-proxy wrote the rules: tutorial (the 2017 one the Kubernetes By Example page shows) or modern (v1.32).', default: 'tutorial'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(IptablesSave)
    completeIptablesSave(flags)
    await this.read((cluster, settings) => runIptablesSave(flags, cluster, settings.now))
  }
}
