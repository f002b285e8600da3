import { parse } from 'yaml';
import { Scenario } from '../scenarios/schema.ts';

// Stand-in for src/scenarios/load.ts parseScenario until it lands: same result shape, so the
// catalog switches by changing one import.
export interface LoadIssue {
  file: string;
  line: number | null;
  column: number | null;
  path: string;
  message: string;
}

export interface ParseResult {
  scenario: Scenario | null;
  errors: LoadIssue[];
  warnings: LoadIssue[];
}

export function parseScenario(input: string | Uint8Array, file: string): ParseResult {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    const e = error as { message: string; linePos?: { line: number; col: number }[] };
    const pos = e.linePos?.[0];
    return { scenario: null, errors: [{ file, line: pos?.line ?? null, column: pos?.col ?? null, path: '', message: e.message }], warnings: [] };
  }
  const result = Scenario.safeParse(data);
  if (result.success) return { scenario: result.data, errors: [], warnings: [] };
  return {
    scenario: null,
    errors: result.error.issues.map((issue) => ({
      file,
      line: null,
      column: null,
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
    warnings: [],
  };
}
