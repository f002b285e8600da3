import { z } from 'zod';
import { Scenario } from './schema.ts';

/** The JSON Schema editors use for autocomplete, generated from the zod schema. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://war-room.invalid/scenario.schema.json',
    title: 'War Room scenario',
    description: 'Generated from src/scenarios/schema.ts by `war-room schema`. Do not edit by hand.',
  };
}

export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
