// An engine reuses its working space (lines, the reach's marks and result, result lists) from one
// evaluation to the next. Nothing of one evaluation may show in another: each context evaluates on a
// long-used engine exactly as on a fresh one, whatever came before it (with or without reasons or
// lines, or a mayApplyAny in between), and a result already returned never changes afterwards. Asked about
// the same prepared context again (evaluate then mayApplyAny, or the other way round), an engine answers
// from what it kept; the answers must be a fresh engine's.
import { describe, expect, it } from 'vitest';
import { syntheticWorkload } from '../bundle/synthetic.js';
import { prepare, type EvaluationContext } from './context.js';
import { loadBundle, type EvaluateOptions } from './load.js';

const { bytes, contexts: generated } = syntheticWorkload({ campaigns: 300, geofences: 150, seed: 11 }, 240);

/** The generated contexts, and variations that take other paths: no rental, lower-case and unknown codes, fee lines, no lines. */
const contexts: EvaluationContext[] = generated.flatMap((c, i): EvaluationContext[] => {
  switch (i % 6) {
    case 0:
      return [c, { ...c, rental: undefined }];
    case 1:
      return [c, { ...c, codes: [...(c.codes ?? []).map((x) => x.toLowerCase()), 'NOPE'] }];
    case 2:
      return [c, { ...c, lines: [...c.lines, { id: 'parking', amount: 250, costSource: { group: 'SURCHARGE', code: 'P' } }] }];
    case 3:
      return [c, { ...c, lines: [] }];
    default:
      return [c];
  }
});

const OPTIONS: (EvaluateOptions | undefined)[] = [undefined, { explain: false }, { lines: false }, { explain: false, lines: false }];
const json = (x: unknown): string => JSON.stringify(x);

describe('an engine reused across evaluations', () => {
  it('evaluates each context as a fresh engine does, whatever came before, and never changes a result it returned', () => {
    const used = loadBundle(bytes);
    const ids = new Set(used.campaigns.filter((_, i) => i % 7 === 0).map((c) => c.id));
    const returned: { result: unknown; text: string }[] = [];
    // A, B, A, C, B, D, C...: each context right after a different one, under every option set.
    for (let i = 0; i < contexts.length; i++) {
      for (const k of [i, Math.max(0, i - 1)]) {
        const options = OPTIONS[(i + k) % OPTIONS.length];
        const result = used.evaluate(contexts[k]!, options);
        returned.push({ result, text: json(result) });
        if (k % 3 === 0) used.mayApplyAny(prepare(contexts[(k * 7) % contexts.length]!), ids);
      }
    }
    for (const r of returned) expect(json(r.result)).toBe(r.text);

    // Against a fresh engine per context (a sample: loading is the slow part), and the used engine again.
    for (let i = 0; i < contexts.length; i += 9) {
      for (const options of OPTIONS) {
        const fresh = loadBundle(bytes).evaluate(contexts[i]!, options);
        expect(json(used.evaluate(contexts[i]!, options))).toBe(json(fresh));
      }
    }
  });

  it('answers mayApplyAny alike on a used and a fresh engine', () => {
    const used = loadBundle(bytes);
    const ids = new Set(used.campaigns.filter((_, i) => i % 5 === 0).map((c) => c.id));
    for (let i = 0; i < contexts.length; i += 7) {
      used.evaluate(contexts[(i + 3) % contexts.length]!);
      const p = prepare(contexts[i]!);
      expect(used.mayApplyAny(p, ids)).toBe(loadBundle(bytes).mayApplyAny(p, ids));
    }
  });

  it('answers about the context it just evaluated, or just asked about, as a fresh engine does', () => {
    const used = loadBundle(bytes);
    const fresh = (): ReturnType<typeof loadBundle> => loadBundle(bytes);
    const reference = fresh();
    let asked = 0;
    let yes = 0;
    for (let i = 0; i < contexts.length; i++) {
      const p = prepare(contexts[i]!);
      const options = OPTIONS[i % OPTIONS.length];
      const expected = reference.evaluate(contexts[i]!, options);
      // Each campaign the context reached alone, and all of them: some pass the standing checks, some do not.
      const reached = [...expected.applied.map((a) => a.campaign), ...expected.fees.map((f) => f.campaign), ...expected.rejected.map((r) => r.campaign)];
      const sets = [...reached.map((id) => new Set([id])), new Set(reached), new Set(['Promotion/none'])];
      if (i % 2 === 0) {
        expect(json(used.evaluate(p, options))).toBe(json(expected));
        for (const ids of sets) {
          const answer = used.mayApplyAny(p, ids);
          expect(answer).toBe(fresh().mayApplyAny(p, ids));
          asked++;
          if (answer) yes++;
        }
      } else {
        for (const ids of sets) {
          const answer = used.mayApplyAny(p, ids);
          expect(answer).toBe(reference.mayApplyAny(prepare(contexts[i]!), ids));
          asked++;
          if (answer) yes++;
        }
        expect(json(used.evaluate(p, options))).toBe(json(expected));
      }
    }
    // Both answers occur often, so a kept answer that is wrong either way shows.
    expect(yes).toBeGreaterThan(asked / 10);
    expect(asked - yes).toBeGreaterThan(asked / 10);
  });
});
