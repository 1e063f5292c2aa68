// `promoc eval`: one context file against the bundle (or the campaigns built in memory).
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { EXIT } from '../context.js';
import type { Io } from '../io.js';
import { contextFromData } from '../../engine/context-data.js';
import { ContextError } from '../../engine/errors.js';
import { formatEvaluation } from '../../engine/explain.js';
import { engineFor } from './engine-shared.js';
import { MAX_FILE_BYTES } from '../../load/read.js';
import { readRegularFile } from '../../load/regular-file.js';

export interface EvalOptions {
  readonly paths: readonly string[];
  readonly context: string;
  readonly bundle?: string;
  readonly publicKey?: string;
  /** --not-before: an RFC 3339 instant or the bundle running now (see engineFor). */
  readonly notBefore?: string;
  readonly format: 'text' | 'json';
}

export async function runEval(io: Io, options: EvalOptions): Promise<number> {
  const text = (await readRegularFile(resolve(io.cwd, options.context), MAX_FILE_BYTES, 'context file')).toString('utf8');
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (e) {
    throw new ContextError(options.context, `is not valid JSON or YAML: ${(e as Error).message}`);
  }
  const context = contextFromData(data);
  const source = await engineFor(io, options);
  if (!source.ok) return source.code;
  const evaluation = source.value.evaluate(context);
  io.stdout(options.format === 'json' ? `${JSON.stringify(evaluation, null, 2)}\n` : formatEvaluation(evaluation));
  return EXIT.ok;
}
