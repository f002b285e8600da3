import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { SCENARIOS_DIR } from './load-file.ts';
import { Translation } from './translation-schema.ts';

// The JSON Schema editors use for translation files (scenarios/translations/*.yaml point at it),
// generated from the zod schema; tests/scenarios/json-schema.test.ts fails when it is stale.

export const TRANSLATION_SCHEMA_FILE = join(SCENARIOS_DIR, 'translation.schema.json');

export function translationJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Translation, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://war-room.invalid/translation.schema.json',
    title: 'War Room scenario translation',
    description: 'Generated from src/scenarios/translation-schema.ts by `war-room schema`. Do not edit by hand.',
  };
}

export function translationJsonSchemaText(): string {
  return `${JSON.stringify(translationJsonSchema(), null, 2)}\n`;
}

export async function writeTranslationSchemaFile(): Promise<string> {
  await writeFile(TRANSLATION_SCHEMA_FILE, translationJsonSchemaText());
  return TRANSLATION_SCHEMA_FILE;
}
