// What the workflows need to know about each target, computed here so the suite tests it and the YAML only
// wires steps: which targets to run, the plan artifact's name, the GitHub environment of the apply job, and
// which environment variables hold its read and its write secrets. Pure.
import type { PromocConfig } from '../generated/index.js';
import { providerFor } from '../providers/index.js';
import { READ_ONLY_KEYS } from '../providers/read-only-keys.js';
import { credentialVariables, LOCAL, pruneSetting } from './targets.js';

export interface TargetEntry {
  readonly name: string;
  readonly provider: string;
  /** The PR workflow's artifact holding this target's saved plan, and the file inside it. */
  readonly planArtifact: string;
  readonly planFile: string;
  /** The GitHub environment the apply job runs in (required reviewers are set there). */
  readonly environment: string;
  readonly prune: boolean;
  /** Environment variables plan, import and drift need (all a pull-request job receives). */
  readonly readSecrets: readonly string[];
  /** Environment variables apply needs. */
  readonly writeSecrets: readonly string[];
  /** False where the API issues no read-only keys: the read secrets can write too. */
  readonly readOnlyKeys: boolean;
}

/** Configured targets in name order; with `includeLocal` and none configured, the embedded local target. */
export function listTargets(config: PromocConfig, includeLocal: boolean): TargetEntry[] {
  const names = Object.keys(config.targets ?? {}).sort();
  if (names.length === 0 && includeLocal) {
    return [
      {
        name: LOCAL,
        provider: 'all',
        planArtifact: `plan-${LOCAL}`,
        planFile: `plan-${LOCAL}.json`,
        environment: `promoc-${LOCAL}`,
        prune: pruneSetting(config, LOCAL, undefined),
        readSecrets: [],
        writeSecrets: [],
        readOnlyKeys: true,
      },
    ];
  }
  return names.map((name) => {
    const t = config.targets![name]!;
    const variables = (access: 'read' | 'write'): string[] => {
      const named = credentialVariables(t, access);
      return providerFor(t.provider)
        .credentials.map((c) => named[c.name])
        .filter((v): v is string => v !== undefined);
    };
    return {
      name,
      provider: t.provider,
      planArtifact: `plan-${name}`,
      planFile: `plan-${name}.json`,
      environment: t.environment ?? `promoc-${name}`,
      prune: pruneSetting(config, name, undefined),
      readSecrets: variables('read'),
      writeSecrets: variables('write'),
      readOnlyKeys: READ_ONLY_KEYS[t.provider].available,
    };
  });
}
