// formatLabels / formatLabelSelector / labelSelectorString: apimachinery's label and selector text.
import assert from 'node:assert/strict'
import {formatLabels, formatLabelSelector, labelSelectorString} from '../../src/printers/format/labels.js'
import type {LabelSelector} from '../../src/printers/format/labels.js'

describe('formatLabels', () => {
  const cases: {name: string; given: Record<string, string> | undefined; want: string}[] = [
    {name: 'undefined', given: undefined, want: '<none>'},
    {name: 'empty map', given: {}, want: '<none>'},
    {name: 'one label', given: {app: 'sise'}, want: 'app=sise'},
    {name: 'sorted by key', given: {provider: 'kubernetes', component: 'apiserver'}, want: 'component=apiserver,provider=kubernetes'},
    {name: 'sorted by the whole k=v string ("." sorts before "=")', given: {a: '1', 'a.b': '2'}, want: 'a.b=2,a=1'},
    {name: 'prefix keys', given: {'app.kubernetes.io/name': 'x', app: 'y'}, want: 'app.kubernetes.io/name=x,app=y'},
    {name: 'empty value', given: {'node-role.kubernetes.io/control-plane': ''}, want: 'node-role.kubernetes.io/control-plane='},
  ]
  for (const c of cases) it(c.name, () => assert.equal(formatLabels(c.given), c.want))
})

describe('formatLabelSelector and labelSelectorString', () => {
  const cases: {name: string; given: LabelSelector | undefined; want: string; bare: string | undefined}[] = [
    {name: 'nil selector', given: undefined, want: '<none>', bare: ''},
    {name: 'empty selector', given: {}, want: '<none>', bare: ''},
    {name: 'matchLabels sorted by key', given: {matchLabels: {'pod-template-hash': '5d59d67564', app: 'sise'}}, want: 'app=sise,pod-template-hash=5d59d67564', bare: 'app=sise,pod-template-hash=5d59d67564'},
    {name: 'in, values sorted', given: {matchExpressions: [{key: 'env', operator: 'In', values: ['production', 'development']}]}, want: 'env in (development,production)', bare: 'env in (development,production)'},
    {name: 'notin', given: {matchExpressions: [{key: 'tier', operator: 'NotIn', values: ['cache']}]}, want: 'tier notin (cache)', bare: 'tier notin (cache)'},
    {name: 'exists and does-not-exist', given: {matchExpressions: [{key: 'owner', operator: 'Exists'}, {key: 'canary', operator: 'DoesNotExist'}]}, want: '!canary,owner', bare: '!canary,owner'},
    {name: 'does-not-exist prints !key', given: {matchExpressions: [{key: 'canary', operator: 'DoesNotExist'}]}, want: '!canary', bare: '!canary'},
    {name: 'labels and expressions merged, sorted by key', given: {matchLabels: {app: 'sise'}, matchExpressions: [{key: 'env', operator: 'In', values: ['dev']}, {key: 'zone', operator: 'Exists'}]}, want: 'app=sise,env in (dev),zone', bare: 'app=sise,env in (dev),zone'},
    {name: 'In without values is invalid', given: {matchExpressions: [{key: 'env', operator: 'In', values: []}]}, want: '<error>', bare: undefined},
    {name: 'Exists with values is invalid', given: {matchExpressions: [{key: 'env', operator: 'Exists', values: ['x']}]}, want: '<error>', bare: undefined},
    {name: 'unknown operator is invalid', given: {matchExpressions: [{key: 'env', operator: 'Gt', values: ['1']}]}, want: '<error>', bare: undefined},
  ]
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(formatLabelSelector(c.given), c.want)
      assert.equal(labelSelectorString(c.given), c.bare)
    })
  }
})
