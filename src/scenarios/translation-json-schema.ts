import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { editorJsonSchema } from './json-schema.ts';
import { SCENARIOS_DIR } from './load-file.ts';
import { Translation } from './translation-schema.ts';

// The JSON Schema editors use for translation files (scenarios/translations/*.yaml point at it),
// generated from the zod schema; tests/scenarios/json-schema.test.ts fails when it is stale.

export const TRANSLATION_SCHEMA_FILE = join(SCENARIOS_DIR, 'translation.schema.json');

export function translationJsonSchema(): Record<string, unknown> {
  return editorJsonSchema(Translation, 'translation.schema.json', 'War Room scenario translation', 'src/scenarios/translation-schema.ts');
}

export function translationJsonSchemaText(): string {
  return `${JSON.stringify(translationJsonSchema(), null, 2)}\n`;
}

export async function writeTranslationSchemaFile(): Promise<string> {
  await writeFile(TRANSLATION_SCHEMA_FILE, translationJsonSchemaText());
  return TRANSLATION_SCHEMA_FILE;
}
