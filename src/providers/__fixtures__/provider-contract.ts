// One contract every provider passes against its emulator (Hono's common.case.test shape): what `lower`
// says the target will hold is exactly what `read` finds after writing it (every written field reads back,
// no phantom diffs), ownership markers round-trip, and reads page through everything even one item a page.
// A provider gets it by one call: `runProviderContract(id, () => ({ binding, model }))` inside a suite whose
// `beforeAll` started its emulator and wrote the model's resources labelled `target: <id>`.
import { describe, expect, it } from 'vitest';
import { type Model, resourceKey } from '../../model/resource.js';
import { compileDesired } from '../../plan/lower-desired.js';
import { readBinding } from '../../plan/run.js';
import type { Binding } from '../../plan/targets.js';
import { realDeps } from '../http/client.js';
import { providerFor } from '../index.js';
import type { ProviderId } from '../provider.js';

export interface ContractSubject {
  /** The binding that reaches the provider's emulator, seeded with the model's resources for it. */
  readonly binding: Binding;
  readonly model: Model;
}

export function runProviderContract(id: ProviderId, subject: () => ContractSubject): void {
  describe(`provider contract: ${id}`, () => {
    const binding = () => subject().binding;
    const desired = () => {
      const { binding: b, model } = subject();
      const mine = model.resources.filter((l) => l.resource.metadata.labels?.target === id && providerFor(id).capabilities.kinds[l.resource.kind]);
      return compileDesired(providerFor(id, b), mine, { model, currency: 'EUR', target: 'local' });
    };

    it('reads back exactly what lower said the API would hold, marker included', async () => {
      const compiled = desired();
      expect(compiled.diagnostics).toEqual([]);
      const live = await readBinding(binding(), realDeps());
      for (const d of compiled.entries) {
        const found = live.objects.find((o) => o.normalized.kind === d.located.resource.kind && o.normalized.key === d.lowered.normalized.key);
        expect(found, resourceKey(d.located.resource)).toBeDefined();
        expect(found!.normalized.fields).toEqual(d.lowered.normalized.fields);
        expect(found!.owner).toEqual({ kind: d.located.resource.kind, name: d.located.resource.metadata.name, digest: d.digest });
      }
    });

    it('pages through every object even with one object per page', async () => {
      const all = await readBinding(binding(), realDeps());
      const paged = await readBinding({ ...binding(), connection: { ...binding().connection, pageSize: 1 } }, realDeps());
      expect(paged.objects.map((o) => o.id).sort()).toEqual(all.objects.map((o) => o.id).sort());
      expect(paged.pages).toBeGreaterThan(all.pages);
    });

    it('fingerprints are stable between two reads of unchanged state', async () => {
      const a = await readBinding(binding(), realDeps());
      const b = await readBinding(binding(), realDeps());
      expect(b.objects.map((o) => o.fingerprint)).toEqual(a.objects.map((o) => o.fingerprint));
    });
  });
}
