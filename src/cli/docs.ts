import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rubricMarkdown } from '../i18n/engine-text.ts';
import { languagesOf } from '../scenarios/bundled.ts';
import { catalogueMarkdown } from '../scenarios/catalogue.ts';
import { withFieldTable } from '../scenarios/field-table.ts';
import { PROJECT_ROOT } from '../scenarios/load-file.ts';
import { bundleScenarios } from '../scenarios/vite-plugin.ts';
import { UsageError } from './args.ts';
import { DOCS_HELP } from './help.ts';

// `war-room docs`: regenerates the documents built from code and data, so they say what ships.

export const GENERATED_DOCS = {
  scoring: join(PROJECT_ROOT, 'docs/scoring.md'),
  scenarios: join(PROJECT_ROOT, 'docs/scenarios.md'),
  /** Only its field reference, between markers, is generated. */
  format: join(PROJECT_ROOT, 'docs/scenario-format.md'),
};

export async function runDocs(args: string[]): Promise<{ output: string; exitCode: number }> {
  if (args.includes('--help') || args.includes('-h')) return { output: DOCS_HELP, exitCode: 0 };
  if (args.length > 0) throw new UsageError(`docs takes no arguments, got "${args[0]}"`);
  const entries = await bundleScenarios();
  const broken = entries.filter((e) => e.scenario === null);
  if (broken.length > 0) {
    const lines = broken.flatMap((e) => e.errors.map((p) => `${p.file}:${p.line}:${p.column} ${p.path}: ${p.message}`));
    return { output: `docs/scenarios.md not written: fix these first\n${lines.join('\n')}\n`, exitCode: 1 };
  }
  await writeFile(GENERATED_DOCS.scoring, rubricMarkdown('en'));
  await writeFile(GENERATED_DOCS.format, withFieldTable(await readFile(GENERATED_DOCS.format, 'utf8')));
  await writeFile(GENERATED_DOCS.scenarios, catalogueMarkdown(entries.map((e) => ({ file: e.file, scenario: e.scenario!, languages: languagesOf(e) }))));
  return { output: `${GENERATED_DOCS.scoring}\n${GENERATED_DOCS.format}\n${GENERATED_DOCS.scenarios}\n`, exitCode: 0 };
}
