import type { Precompiled } from './validator.js';

/** The build's standalone validators, or undefined when running from source. */
export async function loadPrecompiled(): Promise<Precompiled | undefined> {
  if (import.meta.url.endsWith('.ts')) return undefined;
  try {
    // Spelled from dist/ down, so it resolves the same from dist/schema/ and from the bundled CLI in dist/cli-bundle/.
    const m = (await import(new URL('../schema/standalone.js', import.meta.url).href)) as { validators?: Precompiled };
    return m.validators;
  } catch {
    return undefined;
  }
}
