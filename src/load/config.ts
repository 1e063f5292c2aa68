// promoc.config.yaml: found from the working directory upwards, itself schema-checked.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { PromocConfig } from '../generated/index.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { translateErrors } from '../schema/translate.js';
import type { Validator } from '../schema/validator.js';
import { locateInDoc } from './locate.js';
import { parseYaml } from './parse.js';

export const CONFIG_NAMES = ['promoc.config.yaml', 'promoc.config.yml'] as const;
export const DEFAULT_CAMPAIGN_GLOBS = ['campaigns/**/*.{yaml,yml}'];

export function findConfigFile(cwd: string, exists: (p: string) => boolean = existsSync): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) if (exists(join(dir, name))) return join(dir, name);
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** The debug line saying where the config came from, or that there is none (then defaults apply). */
export function configSearchLine(cwd: string, file: string | undefined): string {
  return file ? `using ${file} (searched from ${resolve(cwd)} upwards)` : `no ${CONFIG_NAMES.join(' or ')} from ${resolve(cwd)} upwards: defaults apply`;
}

export interface ConfigResult {
  readonly config: PromocConfig;
  readonly diagnostics: readonly Diagnostic[];
}

export const EMPTY_CONFIG: PromocConfig = { apiVersion: 'promoc/v1', kind: 'Config' };

/** Pure: the config file's text → config (defaults where invalid) and located diagnostics. */
export function parseConfig(file: string, text: string, validator: Validator): ConfigResult {
  const parsed = parseYaml(file, text);
  const doc = parsed.docs[0];
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  if (parsed.docs.length > 1)
    diagnostics.push({
      ruleId: 'config/multiple-documents',
      severity: 'error',
      file,
      docIndex: 1,
      path: [],
      message: 'promoc.config.yaml must hold a single document',
      hint: 'Remove the extra `---` documents.',
    });
  if (!doc || doc.value === undefined) return { config: EMPTY_CONFIG, diagnostics };
  const errors = translateErrors(validator.validateConfig(doc.value), doc.value, validator, { file, docIndex: 0 });
  for (const e of errors)
    diagnostics.push({ ...e, ruleId: e.ruleId.replace(/^schema\//, 'config/'), range: locateInDoc(doc.doc, parsed.lineCounter, e.path ?? [], e.atKey) });
  return { config: errors.length === 0 ? (doc.value as PromocConfig) : EMPTY_CONFIG, diagnostics };
}
