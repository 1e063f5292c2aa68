// The lago rows of docs/fidelity.md against the in-process emulator (cases in ./lago.ts).
import { describeApi } from '../run-cases.js';
import { lagoCases } from './lago.js';

describeApi(lagoCases);
