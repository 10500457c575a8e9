/** Mutation testing of the whole pure core, `criteria/**` (`npm run mutate:criteria`); fails below 90 %. */
import { strykerTarget } from './stryker.shared.mjs'

export default strykerTarget({
  name: 'criteria',
  mutate: ['criteria/**/*.ts'],
  thresholds: { high: 95, low: 90, break: 90 },
})
