import {KbeCommand} from '../src/cli/base-command.js'
import {runNodeCurl, splitCurlArgv} from '../src/cli/curl.js'

export default class Curl extends KbeCommand {
  static description = "Run curl on the cluster's node, through the node's iptables rules (the tutorial's `[cluster] $ curl`). Supports -s -S -i -I -v -m -X -H; --trace prints the packet's path rule by rule, --style tutorial|modern picks the kube-proxy rule set."
  static strict = false
  static examples = [
    '# Call a pod directly, from the node\n  kbe curl 172.17.0.3:9876/info',
    '# Call the service VIP and show which rules sent the packet where\n  kbe curl --trace 172.30.228.255:80/info',
    '# Through the rules kube-proxy v1.32 writes, giving up after 2 seconds\n  kbe curl --style modern -m 2 172.30.228.255/info',
  ]

  // curl's arguments are curl's, not flags of kbe: they are read raw (see splitCurlArgv).
  async run(): Promise<void> {
    const options = {...splitCurlArgv(this.argv), stdoutIsTTY: Boolean(process.stdout.isTTY)}
    await this.read((cluster, settings) => runNodeCurl(options, cluster, settings))
  }
}
