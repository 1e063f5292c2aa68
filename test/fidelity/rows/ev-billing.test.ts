// The ev-billing rows of docs/fidelity.md against the in-process emulator (cases in ./ev-billing.ts).
import { describeApi } from '../run-cases.js';
import { evCases } from './ev-billing.js';

describeApi(evCases);
