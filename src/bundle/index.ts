// promoc/bundle: build, sign, verify and open frozen rules bundles (Node: node:crypto, files, git).
export { buildBundle, contentDigest } from './build.js';
export { openBundle, nodeSha256 } from './verify.js';
export { signBundle, ed25519Verifier, generateSigningKeys, keyId } from './sign.js';
export { readBundleFiles, writeBundleFiles, BUNDLE_FILE, SIGNATURE_SUFFIX } from './io.js';
export { readProvenance } from './provenance.js';
export { compareCampaigns, benefitRank, campaignRank } from './order.js';
export { BundleError } from '../engine/errors.js';

export type { BuildOptions, BuildResult } from './build.js';
export type { OpenOptions } from './verify.js';
export type { BundleSignature, KeyInput } from './sign.js';
export type { Bundle, BundleManifest, BundleContent, BundleCampaign } from '../generated/bundle.js';
