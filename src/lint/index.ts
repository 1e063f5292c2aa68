// The lint stage's public surface: the pure core for benchmarks and other tools, the runner for the CLI.
export { lintModel } from './lint-model.js';
export { runLint, RUNNER_CHECKS } from './runner.js';
export type { LintReport, RunLintInput } from './runner.js';
export { optionsFromConfig } from './settings.js';
export type { LintOptions, RuleSetting, TargetRef } from './settings.js';
export { rules } from './registry.js';
export type { RuleId } from './registry.js';
export type { LintDiagnostic, Rule } from './types.js';
