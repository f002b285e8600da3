import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/lang.ts';
import { sayLoadProblem, setStoreTranslation, type StoreMessages } from '../../src/store/messages.ts';
import storeDe from '../../src/store/messages-de.json';
import { isLoadProblem } from '../../src/store/scenario-library.ts';
import { fetchScenario, fetchScenarios } from '../../src/store/scenario-source.ts';

/** A fetch's result as the store words it in `lang`: the scenario, or the sentence saying why not. */
const worded = async (result: Promise<object>, lang: Lang = 'en'): Promise<unknown> => {
  const r = await result;
  return isLoadProblem(r) ? sayLoadProblem(r, lang) : r;
};

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
  it('returns the scenario, or why not (a key the store words) naming it and what went wrong', async () => {
    expect(await fetchScenario('Tiny', '/t.json', respond(200, { id: 'tiny' }))).toEqual({ id: 'tiny' });
    expect(await fetchScenario('Tiny', '/t.json', respond(404, 'nope'))).toEqual({ problem: 'load.http', params: { title: 'Tiny', status: '404' } });
    expect(await worded(fetchScenario('Tiny', '/t.json', respond(404, 'nope')))).toBe('“Tiny” could not be downloaded (HTTP 404); try again in a moment');
    expect(await worded(fetchScenario('Tiny', '/t.json', respond(200, [1])))).toBe('the data of “Tiny” is damaged');
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await worded(fetchScenario('Tiny', '/t.json', offline))).toMatch(/^“Tiny” could not be downloaded \(Failed to fetch\)/);
  });

  it('says why in German once the store has its German words, and in English before', async () => {
    expect(await worded(fetchScenario('Lösegeld', '/t.json', respond(503, 'busy')), 'de')).toBe('“Lösegeld” could not be downloaded (HTTP 503); try again in a moment');
    setStoreTranslation('de', storeDe as StoreMessages);
    expect(await worded(fetchScenario('Lösegeld', '/t.json', respond(503, 'busy')), 'de')).toBe('„Lösegeld“ konnte nicht heruntergeladen werden (HTTP 503); versuchen Sie es gleich noch einmal');
    expect(await worded(fetchScenario('Lösegeld', '/t.json', respond(200, [1])), 'de')).toBe('die Daten von „Lösegeld“ sind beschädigt');
    expect(await worded(fetchScenario('Tiny', '/t.json', respond(503, 'busy')), 'en')).toBe('“Tiny” could not be downloaded (HTTP 503); try again in a moment');
  });
});
