import { describe, expect, it } from 'vitest';
import type { Kind } from '../generated/index.js';
import type { LiveObject } from '../providers/provider.js';
import { importLive } from './to-resources.js';
import { renderImported } from '../render/imported-yaml.js';
import { importPath } from './import-path.js';

const live = (id: string, kind: string, name: string, fields: Record<string, unknown>, over: Partial<LiveObject> = {}): LiveObject => ({
  id,
  normalized: { kind: kind as Kind, name, key: name.toUpperCase(), fields: fields as LiveObject['normalized']['fields'] },
  counters: [],
  liveRedemptions: 0,
  facts: {},
  fingerprint: 'x',
  ...over,
});
const FIELDS: Record<string, string[]> = {
  Tag: ['type', 'subjects', 'description'],
  Reward: ['benefits', 'after', 'stacking', 'providers'],
  GeofencePromotion: ['zone', 'benefits', 'visibility', 'stacking'],
};
const input = (objects: LiveObject[]) => ({
  provider: 'mobility' as const,
  objects,
  kinds: new Set(['Tag', 'Reward', 'GeofencePromotion']),
  labels: { target: 'mobility' },
  specFields: (k: Kind) => new Set(FIELDS[k] ?? []),
});

describe('importLive', () => {
  it('writes source documents: labels, tag subjects, stacking, visibility the kind can hold, zones as geofences', () => {
    const area = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [13, 52],
            [13.1, 52],
            [13.1, 52.1],
            [13, 52],
          ],
        ],
      ],
    };
    const { resources, skipped } = importLive(
      input([
        live('annotation:1', 'Tag', 'flagged', { spec: { type: 'LABEL' } }, { owner: { kind: 'Tag', name: 'flagged' } }),
        live('voucherable:2', 'Reward', 'loyal', {
          metadata: { description: 'Ten rides' },
          spec: { after: { rentals: 10 }, benefits: [{ freeMinutes: 20 }], visibility: 'hidden' },
        }),
        live('voucherable:3', 'GeofencePromotion', 'kiez', {
          spec: { zone: { phase: 'START_RENTAL', area }, benefits: [{ percentOff: 20 }], visibility: 'public' },
        }),
      ]),
    );
    expect(skipped).toEqual([]);
    expect(resources.map((r) => [r.kind, r.name, r.managed, r.document.spec])).toEqual([
      ['Geofence', 'kiez-zone', false, { geometry: area }],
      [
        'GeofencePromotion',
        'kiez',
        false,
        { zone: { phase: 'START_RENTAL', geofences: ['kiez-zone'] }, benefits: [{ percentOff: 20 }], visibility: 'public', stacking: { stackable: true } },
      ],
      [
        'Reward',
        'loyal',
        false,
        { after: { rentals: 10 }, benefits: [{ freeMinutes: 20 }], stacking: { stackable: true }, providers: { mobility: { showInUserApp: false } } },
      ],
      ['Tag', 'flagged', true, { type: 'LABEL', subjects: ['user', 'vehicle', 'group', 'booking'] }],
    ]);
    expect(resources.find((r) => r.name === 'loyal')!.document.metadata).toEqual({ name: 'loyal', description: 'Ten rides', labels: { target: 'mobility' } });
  });

  it('skips what no source field holds and archived objects whose key is used again', () => {
    const { resources, skipped } = importLive({
      ...input([
        live('p-1', 'Tag', 'old', { spec: { type: 'TAG' } }, { facts: { retired: true } }),
        live('p-2', 'Tag', 'old', { spec: { type: 'TAG' } }),
        live('p-3', 'Reward', 'odd', { spec: { benefits: [{ 'unsupported:Bonus': {} }] } }),
      ]),
    });
    expect(resources.map((r) => r.name)).toEqual(['old']);
    expect(skipped.map((s) => `${s.id}: ${s.reason}`)).toEqual([
      'p-1: Tag OLD is archived and another object holds its key',
      'p-3: Reward ODD uses spec.benefits[0].Bonus, which no promoc field holds',
    ]);
  });

  it('renders YAML with the modeline relative to the file and number lists on one line', () => {
    const { resources } = importLive(
      input([
        live('voucherable:3', 'GeofencePromotion', 'kiez', {
          spec: {
            zone: {
              phase: 'START_RENTAL',
              area: {
                type: 'MultiPolygon',
                coordinates: [
                  [
                    [
                      [13, 52],
                      [13.1, 52],
                      [13.1, 52.1],
                      [13, 52],
                    ],
                  ],
                ],
              },
            },
          },
        }),
      ]),
    );
    const fence = resources.find((r) => r.kind === 'Geofence')!;
    const file = importPath('imported/local', fence);
    expect(file).toBe('imported/local/mobility/geofence/kiez-zone.yaml');
    const text = renderImported(fence, file, 'mobility (http://x)');
    expect(text.split('\n').slice(0, 2)).toEqual([
      '# yaml-language-server: $schema=../../../../schemas/geofence.schema.json',
      '# Imported by `promoc import` from mobility (http://x); not managed by promoc ' +
        'yet: the next apply adopts it (writes the ownership marker, nothing else).',
    ]);
    expect(text).toContain('- - - [ 13, 52 ]');
  });
});
