import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {
  formatFixedExact, formatGoFixed, kubeProxyProbability, probabilityThreshold, savedProbability,
} from '../../src/net/kube-proxy/probability.js'

const saved = (k: number, style: 'modern' | 'tutorial') => savedProbability(probabilityThreshold(kubeProxyProbability(k, style)))

describe('kube-proxy statistic probabilities', () => {
  // The table of the kube-proxy reference, §2.4.
  const referenceTable = [
    {k: 2, style: 'modern', written: '0.5000000000', printed: '0.50000000000'},
    {k: 3, style: 'modern', written: '0.3333333333', printed: '0.33333333349'},
    {k: 4, style: 'modern', written: '0.2500000000', printed: '0.25000000000'},
    {k: 5, style: 'modern', written: '0.2000000000', printed: '0.20000000019'},
    {k: 6, style: 'modern', written: '0.1666666667', printed: '0.16666666651'},
    {k: 7, style: 'modern', written: '0.1428571429', printed: '0.14285714272'},
    {k: 8, style: 'modern', written: '0.1250000000', printed: '0.12500000000'},
    {k: 10, style: 'modern', written: '0.1000000000', printed: '0.10000000009'},
    {k: 1000, style: 'modern', written: '0.0010000000', printed: '0.00100000016'},
    {k: 2, style: 'tutorial', written: '0.50000', printed: '0.50000000000'},
    {k: 3, style: 'tutorial', written: '0.33333', printed: '0.33332999982'},
  ] as const
  for (const {k, style, written, printed} of referenceTable) {
    it(`k=${k} ${style}: writes ${written}, iptables-save prints ${printed}`, () => {
      assert.equal(kubeProxyProbability(k, style), written)
      assert.equal(saved(k, style), printed)
    })
  }

  // test/golden/iptables/probabilities.txt: "<style> <k> <written> <saved>", where <saved> is what a real
  // iptables-nft v1.8.9 printed back after loading <written> (k = 2..1100 and a few powers of two).
  it('matches every value a real iptables-save printed (k = 2..1100 and beyond, both styles)', () => {
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'golden', 'iptables', 'probabilities.txt')
    const rows = fs.readFileSync(file, 'utf8').trim().split('\n').map((line) => line.split(' '))
    assert.equal(rows.length, 2216)
    for (const [style, k, written, printed] of rows) {
      const s = style as 'modern' | 'tutorial'
      assert.equal(kubeProxyProbability(Number(k), s), written, `${style} k=${k}`)
      assert.equal(savedProbability(probabilityThreshold(written)), printed, `${style} k=${k}`)
    }
  })

  it('agrees with an independent float computation for k = 2..1000 (no rounding ties there)', () => {
    for (let k = 2; k <= 1000; k++) {
      assert.equal(kubeProxyProbability(k, 'modern'), (1 / k).toFixed(10), `k=${k}`)
      const threshold = Math.round(2 ** 31 * Number((1 / k).toFixed(10)))
      assert.equal(saved(k, 'modern'), (threshold / 2 ** 31).toFixed(11), `k=${k}`)
    }
  })

  describe('exact rounding (half to even, like Go strconv and glibc printf)', () => {
    const cases = [
      {name: 'Go %0.10f of 1/2048 = 0.00048828125 exactly rounds down to even', given: () => formatGoFixed(1 / 2048, 10), want: '0.0004882812'},
      {name: '%.11f of 2^19/2^31 = 0.000244140625 rounds down to even', given: () => savedProbability(2 ** 19), want: '0.00024414062'},
      {name: '0.25 to 1 digit', given: () => formatFixedExact(1n, 4n, 1), want: '0.2'},
      {name: '0.75 to 1 digit', given: () => formatFixedExact(3n, 4n, 1), want: '0.8'},
      {name: 'just above half rounds up', given: () => formatFixedExact(2501n, 10000n, 1), want: '0.3'},
      {name: 'integer part', given: () => formatFixedExact(7n, 2n, 0), want: '4'},
      {name: 'probability 1 (threshold 2^31)', given: () => savedProbability(2 ** 31), want: '1.00000000000'},
    ]
    for (const {name, given, want} of cases) it(name, () => assert.equal(given(), want))
  })

  it('stores lround(2^31·p) as the threshold', () => {
    assert.equal(probabilityThreshold('0.5000000000'), 1073741824)
    assert.equal(probabilityThreshold('0.3333333333'), 715827883)
    assert.equal(probabilityThreshold('0.33333'), 715820724)
  })
})
