import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchemaText } from '../../src/scenarios/json-schema.ts';
import { SCHEMA_FILE } from '../../src/scenarios/load-file.ts';

describe('scenarios/scenario.schema.json', () => {
  it('matches the zod schema (run `npx war-room schema` when this fails)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it('describes conditions, effects and beats for editors', () => {
    const schema = JSON.parse(scenarioJsonSchemaText());
    expect(Object.keys(schema.$defs)).toEqual(expect.arrayContaining(['Condition', 'Effect', 'Inject', 'ScoreEntry']));
    expect(schema.required).toEqual(expect.arrayContaining(['formatVersion', 'id', 'beats', 'start']));
    expect(schema.additionalProperties).toBe(false);
  });
});
