import { z } from 'zod';
import { Scenario } from './schema.ts';

/** A JSON Schema editors use for autocomplete, generated from a zod schema (`source`: the file that holds it). */
export function editorJsonSchema(schema: z.ZodType, file: string, title: string, source: string): Record<string, unknown> {
  return {
    ...(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>),
    $id: `https://war-room.invalid/${file}`,
    title,
    description: `Generated from ${source} by \`war-room schema\`. Do not edit by hand.`,
  };
}

/** The scenario format's JSON Schema (scenarios/scenario.schema.json). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return editorJsonSchema(Scenario, 'scenario.schema.json', 'War Room scenario', 'src/scenarios/schema.ts');
}

export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
