// The command registry: one line per command file.
import type { RegisterCommand } from '../context.js';
import { registerDemo } from './demo.js';
import { registerValidate } from './validate.js';

export const commands: readonly RegisterCommand[] = [
  registerValidate,
  registerDemo,
];
