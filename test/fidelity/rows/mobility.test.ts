// The mobility rows of docs/fidelity.md against the in-process emulator (cases in ./mobility.ts).
import { describeApi } from '../run-cases.js';
import { mobilityCases } from './mobility.js';

describeApi(mobilityCases);
