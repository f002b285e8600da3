import { describe, expect, it } from 'vitest';
import { fetchScenario, fetchScenarios } from '../../src/store/scenario-source.ts';

const respond = (status: number, body: unknown): typeof fetch =>
  (async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status })) as typeof fetch;

describe('fetchScenarios', () => {
  it('returns the bundled scenarios', async () => {
    const entries = [{ file: 'a.yaml', scenario: null, errors: [] }];
    expect(await fetchScenarios('/s.json', respond(200, entries))).toEqual(entries);
  });

  it('turns a failed download into one card that says what happened', async () => {
    const [card] = await fetchScenarios('/s.json', respond(404, 'nope'));
    expect(card!.errors[0]!.message).toBe('the scenarios could not be downloaded (HTTP 404); reload the page to try again');
  });

  it('reports a damaged file and a network error', async () => {
    expect((await fetchScenarios('/s.json', respond(200, { not: 'a list' })))[0]!.errors[0]!.message).toMatch(/damaged/);
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect((await fetchScenarios('/s.json', offline))[0]!.errors[0]!.message).toMatch(/Failed to fetch/);
  });
});

describe('fetchScenario', () => {
  it('returns the scenario, or a sentence naming it and what went wrong', async () => {
    expect(await fetchScenario('Tiny', '/t.json', respond(200, { id: 'tiny' }))).toEqual({ id: 'tiny' });
    expect(await fetchScenario('Tiny', '/t.json', respond(404, 'nope'))).toBe('“Tiny” could not be downloaded (HTTP 404); try again in a moment');
    expect(await fetchScenario('Tiny', '/t.json', respond(200, [1]))).toBe('the data of “Tiny” is damaged');
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await fetchScenario('Tiny', '/t.json', offline)).toMatch(/^“Tiny” could not be downloaded \(Failed to fetch\)/);
  });
});
