// The promotions rows of docs/fidelity.md against the in-process emulator (cases in ./promotions.ts).
import { describeApi } from '../run-cases.js';
import { promotionsCases } from './promotions.js';

describeApi(promotionsCases);
