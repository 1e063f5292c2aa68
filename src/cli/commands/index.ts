// The command registry: one line per command file.
import type { RegisterCommand } from '../context.js';
import { registerBundle } from './bundle.js';
import { registerDemo } from './demo.js';
import { registerPlan } from './plan.js';
import { registerReport } from './report.js';
import { registerShow } from './show.js';
import { registerCompile } from './compile.js';
import { registerApply } from './apply.js';
import { registerImport } from './import.js';
import { registerInit } from './init.js';
import { registerSimulate } from './simulate.js';
import { registerEmulator } from './emulator.js';
import { registerEval } from './eval.js';
import { registerLint } from './lint.js';
import { registerTargets } from './targets.js';
import { registerTest } from './test.js';
import { registerValidate } from './validate.js';

export const commands: readonly RegisterCommand[] = [
  registerInit,
  registerValidate,
  registerLint,
  registerPlan,
  registerShow,
  registerCompile,
  registerApply,
  registerTargets,
  registerImport,
  registerBundle,
  registerEval,
  registerTest,
  registerSimulate,
  registerReport,
  registerDemo,
  registerEmulator,
];
