// promoc/testing: seeded workloads for benchmarks and property tests of code that embeds the engine. Kept out of
// promoc/bundle, whose exports are what a runtime builds, signs and opens bundles with.
export { syntheticModel, syntheticContexts, syntheticWorkload } from './synthetic.js';
export type { SyntheticOptions } from './synthetic.js';
