// A seeded Featurevisor v1 project for comparing promoc's pull-request check with Featurevisor's `lint`:
// N features of ~34 YAML lines (a description, tags, bucketBy, one string variable, two or three weighted
// variations, rules in two environments), 50 segments of one to three conditions over 20 typed attributes.
// Sizes follow the input the comparison was first measured on, so the figures line up.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../src/model/seeded-random.js';

export interface FeaturevisorOptions {
  readonly features: number;
  readonly segments: number;
  readonly seed: number;
}

const ATTRIBUTES: readonly [string, string][] = [
  ['userId', 'string'],
  ['deviceId', 'string'],
  ['country', 'string'],
  ['language', 'string'],
  ['platform', 'string'],
  ['appVersion', 'semver'],
  ['browser', 'string'],
  ['isLoggedIn', 'boolean'],
  ['isPremium', 'boolean'],
  ['age', 'integer'],
  ['accountAgeDays', 'integer'],
  ['cartValue', 'double'],
  ['orderCount', 'integer'],
  ['signupDate', 'date'],
  ['city', 'string'],
  ['region', 'string'],
  ['channel', 'string'],
  ['loyaltyTier', 'string'],
  ['os', 'string'],
  ['screenWidth', 'integer'],
];
const COUNTRIES = ['nl', 'de', 'fr', 'be', 'ch', 'at', 'se', 'dk', 'es', 'it', 'pl', 'us', 'gb', 'ca'];
const ENVIRONMENTS = ['staging', 'production'];

/** Writes the project under `dir`; returns the number of files written. */
export function generateFeaturevisor(dir: string, o: FeaturevisorOptions): number {
  const rnd = seededRandom(o.seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const sample = <T>(xs: readonly T[], k: number): T[] => {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i -= 1) {
      const j = Math.floor(rnd() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a.slice(0, k);
  };
  const list = (indent: number, xs: readonly string[]): string => xs.map((x) => `${' '.repeat(indent)}- ${x}`).join('\n');
  let files = 0;
  const write = (rel: string, text: string): void => {
    const abs = join(dir, rel);
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(abs, text);
    files += 1;
  };

  ATTRIBUTES.forEach(([key, type], i) =>
    write(`attributes/${key}.yml`, `description: ${key} attribute (generated)\ntype: ${type}\n${i === 0 ? 'capture: true\n' : ''}`),
  );

  const condition = ([key, type]: [string, string], indent: number): string => {
    const p = ' '.repeat(indent);
    const head = `${p}- attribute: ${key}\n${p}  operator: `;
    switch (type) {
      case 'semver':
        return `${head}${pick(['semverGreaterThanOrEquals', 'semverLessThan'])}\n${p}  value: "${int(1, 5)}.${int(0, 9)}.0"`;
      case 'boolean':
        return `${head}equals\n${p}  value: ${pick(['true', 'false'])}`;
      case 'integer':
      case 'double':
        return `${head}${pick(['greaterThan', 'lessThanOrEquals'])}\n${p}  value: ${int(1, 500)}`;
      case 'date':
        return `${head}${pick(['before', 'after'])}\n${p}  value: 202${int(0, 4)}-0${int(1, 9)}-1${int(0, 9)}T00:00:00Z`;
      default:
        return key === 'country'
          ? `${head}in\n${p}  value:\n${list(indent + 4, sample(COUNTRIES, int(1, 4)))}`
          : `${head}${pick(['equals', 'notEquals', 'startsWith', 'contains'])}\n${p}  value: v${int(1, 99)}`;
    }
  };
  const segments: string[] = [];
  for (let i = 0; i < o.segments; i += 1) {
    const key = `segment-${String(i).padStart(3, '0')}`;
    segments.push(key);
    const chosen = sample(ATTRIBUTES, int(1, 3));
    const conditions =
      rnd() < 0.2 && chosen.length > 1 ? `  - or:\n${chosen.map((a) => condition(a, 6)).join('\n')}\n` : `${chosen.map((a) => condition(a, 2)).join('\n')}\n`;
    write(`segments/${key}.yml`, `description: Generated segment ${i}\nconditions:\n${conditions}`);
  }

  const variations = ['control', 'treatment', 'variant-b'];
  for (let i = 0; i < o.features; i += 1) {
    const count = rnd() < 0.7 ? 2 : 3;
    const weights = count === 2 ? [50, 50] : [34, 33, 33];
    let y = `description: Generated feature ${i} for the peer benchmark\n`;
    y += `tags:\n${list(2, ['all', pick(['web', 'ios', 'android', 'checkout', 'search'])])}\n`;
    y += `bucketBy: ${pick(['userId', 'userId', 'deviceId'])}\n`;
    y += `variablesSchema:\n  - key: title\n    type: string\n    defaultValue: Hello ${i}\n`;
    y += 'variations:\n';
    for (let v = 0; v < count; v += 1) {
      y += `  - value: ${variations[v]}\n    weight: ${weights[v]}\n`;
      if (v === 1) y += `    variables:\n      - key: title\n        value: Variant title ${i}\n`;
    }
    y += 'environments:\n';
    ENVIRONMENTS.forEach((env, e) => {
      y += `  ${env}:\n    rules:\n`;
      const targeted = e === 0 ? 0 : rnd() < 0.75 ? 1 : 2;
      for (let r = 1; r <= targeted; r += 1) {
        const u = rnd();
        const seg = u < 0.5 ? ` ${pick(segments)}` : u < 0.8 ? `\n${list(10, sample(segments, 2))}` : `\n          or:\n${list(12, sample(segments, 2))}`;
        y += `      - key: "${r}"\n        segments:${seg}\n        percentage: ${pick([5, 10, 25, 50, 75, 100])}\n`;
      }
      y += `      - key: "${targeted + 1}"\n        segments: "*"\n        percentage: ${e === 0 ? 100 : int(0, 100)}\n`;
    });
    write(`features/feature-${String(i).padStart(6, '0')}.yml`, y);
  }
  writeFileSync(join(dir, 'featurevisor.config.js'), `module.exports = {\n  environments: ${JSON.stringify(ENVIRONMENTS)},\n  tags: ["all"],\n};\n`);
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'fv-bench', private: true }, null, 2)}\n`);
  return files;
}
