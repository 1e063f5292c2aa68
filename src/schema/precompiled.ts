import type { Precompiled } from './validator.js';

/** The build's standalone validators, or undefined when running from source. */
export async function loadPrecompiled(): Promise<Precompiled | undefined> {
  if (import.meta.url.endsWith('.ts')) return undefined;
  try {
    const m = (await import(new URL('./standalone.js', import.meta.url).href)) as { validators?: Precompiled };
    return m.validators;
  } catch {
    return undefined;
  }
}
