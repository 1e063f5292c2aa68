// promoc.config.yaml is found from the working directory upwards and is itself schema-checked.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'promoc-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('is discovered upwards and its mistakes are located diagnostics', async () => {
  writeFileSync(
    join(dir, 'promoc.config.yaml'),
    'apiVersion: promoc/v1\nkind: Config\ncampaign: ["x/**/*.yaml"]\nlint:\n  rules:\n    stacking/shadowed: loud\n',
  );
  mkdirSync(join(dir, 'campaigns/deep'), { recursive: true });
  writeFileSync(join(dir, 'campaigns/tag.yaml'), 'apiVersion: promoc/v1\nkind: Tag\nmetadata:\n  name: vip\nspec:\n  type: TAG\n  subjects: [user]\n');
  const r = await runCli(['validate', '--no-cache'], { cwd: join(dir, 'campaigns/deep') });
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('promoc.config.yaml:3:1  error  unknown property "campaign"; did you mean "campaigns"?  config/unknown-property');
  expect(r.stdout).toContain('promoc.config.yaml:6:24  error  lint.rules.stacking/shadowed must be one of error, warning, warn, info, off; got "loud"');
  // The invalid config falls back to defaults, so the campaigns are still checked.
  expect(r.stdout).toContain('1 file');
});
