// `promoc import`: campaign YAML for what is live on a target (adopting an existing account).
export { importLive, type ImportInput, type ImportResult, type ImportedResource, type Skipped } from './to-resources.js';
export { importPath } from './import-path.js';
