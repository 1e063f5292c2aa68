import { describe, expect, it } from 'vitest';
import type { PromocConfig } from '../generated/index.js';
import { listTargets } from './target-list.js';

describe('promoc targets', () => {
  it("gives the workflows each target's artifact, environment, prune and read/write secrets", () => {
    const config = {
      apiVersion: 'promoc/v1',
      kind: 'Config',
      prune: false,
      targets: {
        prod: {
          provider: 'lago',
          baseUrl: 'https://lago.example.com',
          environment: 'production',
          prune: true,
          credentials: { read: { apiKeyEnv: 'LAGO_READ' }, write: { apiKeyEnv: 'LAGO_WRITE' } },
        },
        ev: { provider: 'ev-billing', baseUrl: 'https://ev.example.com', credentials: { apiKeyEnv: 'EV_KEY' } },
      },
    } as PromocConfig;
    expect(listTargets(config, true)).toEqual([
      {
        name: 'ev',
        provider: 'ev-billing',
        planArtifact: 'plan-ev',
        planFile: 'plan-ev.json',
        environment: 'promoc-ev',
        prune: false,
        readSecrets: ['EV_KEY'],
        writeSecrets: ['EV_KEY'],
        readOnlyKeys: true,
      },
      {
        name: 'prod',
        provider: 'lago',
        planArtifact: 'plan-prod',
        planFile: 'plan-prod.json',
        environment: 'production',
        prune: true,
        readSecrets: ['LAGO_READ'],
        writeSecrets: ['LAGO_WRITE'],
        readOnlyKeys: false,
      },
    ]);
    const none = { apiVersion: 'promoc/v1', kind: 'Config' } as PromocConfig;
    expect(listTargets(none, false)).toEqual([]);
    expect(listTargets(none, true).map((t) => t.name)).toEqual(['local']);
  });
});
