import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { createConsoleStore, type ConsoleDeps } from '../../src/facilitator/console/console-store.ts';
import { memoryStore } from '../../src/facilitator/idb.ts';
import { presenterFrame } from '../../src/facilitator/frame.ts';
import { describeProblem, type ScenarioFile } from '../../src/facilitator/scenario-files.ts';
import type { Session } from '../../src/facilitator/session.ts';
import { isPresenterFrame } from '../../src/facilitator/sync.ts';
import { parseScenario } from '../../src/scenarios/load.ts';
import { memoryStorage } from '../../src/store/storage.ts';
import { ScenarioLibrary } from '../../src/store/scenario-library.ts';
import { workshopScenario } from './helpers.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The workshop scenario as a YAML file of the facilitator's own, with its own id and title. */
function ownFile(): string {
  return stringify({ ...workshopScenario(), id: 'client-drill', title: 'Client drill' });
}

function deps(shared?: { storage: ReturnType<typeof memoryStorage>; archive: ReturnType<typeof memoryStore<Session>>; files: ReturnType<typeof memoryStore<ScenarioFile>> }) {
  let n = 0;
  let parserLoads = 0;
  const d: ConsoleDeps = {
    library: ScenarioLibrary.of([{ file: 'tiny.yaml', scenario: workshopScenario() }]),
    storage: shared?.storage ?? memoryStorage(),
    archive: shared?.archive ?? memoryStore<Session>((s) => s.id),
    files: shared?.files ?? memoryStore<ScenarioFile>((f) => f.key),
    openChannel: () => ({ post: () => {}, close: () => {} }),
    now: () => Date.parse('2025-03-14T09:00:00Z'),
    monotonic: () => 0,
    scheduler: { setTimer: () => 0, clearTimer: () => {} },
    newId: () => `id-${++n}`,
    randomSeed: () => 42,
    loadParser: async () => {
      parserLoads++;
      return async (bytes, name) => parseScenario(bytes, name);
    },
  };
  return { deps: d, parserLoads: () => parserLoads };
}

describe('console: a scenario YAML file opened at run time', () => {
  it('shows a bad file’s problems with file, line, column and field, and changes nothing', async () => {
    const env = deps();
    const store = await createConsoleStore(env.deps);
    expect(env.parserLoads()).toBe(0);
    store.getState().act((x) => x.setTeamName('Blue team'));
    const before = structuredClone(store.getState().session);

    // "title" emptied on line 3, and a misspelt field at the top level.
    const lines = ownFile().split('\n');
    const titleLine = lines.findIndex((l) => l.startsWith('title:'));
    lines[titleLine] = 'title: ""';
    lines.push('summry: typo');
    const why = await store.getState().openScenarioFile('client.yaml', encode(lines.join('\n')));

    expect(why).not.toBeNull();
    expect(env.parserLoads()).toBe(1);
    const problems = store.getState().fileProblems!;
    expect(problems.file).toBe('client.yaml');
    const empty = problems.errors.find((p) => p.path === 'title')!;
    expect(empty).toMatchObject({ file: 'client.yaml', line: titleLine + 1, column: 8, message: 'text must not be empty' });
    const typo = problems.errors.find((p) => p.path === 'summry')!;
    expect(typo.line).toBe(lines.length);
    expect(typo.message).toContain('did you mean "summary"');
    expect(describeProblem(empty)).toBe(`client.yaml, line ${titleLine + 1}, column 8, field title: text must not be empty`);
    // Nothing already there is lost: the same session, no file kept.
    expect(store.getState().session).toEqual(before);
    expect(store.getState().files).toEqual([]);
  });

  it('reports YAML syntax and binary files with a line and column too', async () => {
    const store = await createConsoleStore(deps().deps);
    await store.getState().openScenarioFile('broken.yaml', encode('formatVersion: 1\nid: x\ntitle: [unclosed\n'));
    const syntax = store.getState().fileProblems!.errors[0]!;
    expect(syntax.path).toBe('(YAML syntax)');
    expect(syntax.line).toBeGreaterThanOrEqual(3);
    await store.getState().openScenarioFile('picture.yaml', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]));
    expect(store.getState().fileProblems!.errors[0]).toMatchObject({ line: 1, column: 1, message: 'this is a binary file, not YAML text' });
  });

  it('keeps a good file in the browser, chooses it, and resumes it after a reload', async () => {
    const storage = memoryStorage();
    const archive = memoryStore<Session>((s) => s.id);
    const files = memoryStore<ScenarioFile>((f) => f.key);
    const store = await createConsoleStore(deps({ storage, archive, files }).deps);
    expect(await store.getState().openScenarioFile('client.yaml', encode(ownFile()))).toBeNull();

    const s = store.getState();
    expect(s.fileProblems).toBeNull();
    expect(s.files.map((f) => f.name)).toEqual(['client.yaml']);
    expect(s.session).toMatchObject({ scenarioId: 'client-drill', scenarioTitle: 'Client drill', scenarioFile: { name: 'client.yaml' } });
    expect((await files.getAll()).map((f) => f.scenario.title)).toEqual(['Client drill']);

    s.act((x) => x.setTeamName('Blue team'));
    expect(s.act((x) => x.openBriefing())).toBeNull();
    expect(s.act((x) => x.startIncident())).toBeNull();
    const frame = store.getState().frame();
    expect(frame.scenarioFile).toBe(s.session.scenarioFile!.key);
    expect(isPresenterFrame(JSON.parse(JSON.stringify(frame)))).toBe(true);
    store.getState().dispose();

    // A reload: the same browser storage, a new console.
    const again = await createConsoleStore(deps({ storage, archive, files }).deps);
    expect(again.getState().session).toMatchObject({ scenarioId: 'client-drill', stage: 'incident' });
    expect(again.getState().exercise().scenario?.title).toBe('Client drill');
    again.getState().dispose();
  });
});

describe('console: tailoring the exercise for the client', () => {
  it('renames the company and people and changes the currency on a running exercise without changing the run', async () => {
    const store = await createConsoleStore(deps().deps);
    const { act } = store.getState();
    act((x) => x.setTeamName('Blue team'));
    act((x) => x.openBriefing());
    act((x) => x.startIncident());
    act((x) => x.passTime(20));
    const inputs = store.getState().session.run!.inputs.length;
    const clock = store.getState().exercise().state!.clock;

    expect(act((x) => x.setTailoring({ company: 'Acme Retail', currency: 'USD', people: { ceo: 'Grace Obi' } }))).toBeNull();
    const ex = store.getState().exercise();
    expect(ex.scenario?.company.name).toBe('Acme Retail');
    expect(ex.view()?.currency).toBe('USD');
    expect(ex.view()?.stakeholders.find((p) => p.id === 'ceo')?.name).toBe('Grace Obi');
    expect(ex.state?.clock).toBe(clock);
    expect(store.getState().session.run!.inputs).toHaveLength(inputs);
    expect(store.getState().session.tailoring).toEqual({ company: 'Acme Retail', sector: '', currency: 'USD', people: { ceo: 'Grace Obi' } });
    // The presenter gets the names through the view and the layer itself.
    const frame = presenterFrame({ session: ex.session, shown: ex.shown(), live: null, report: null, lang: 'en' });
    expect(frame.tailoring.company).toBe('Acme Retail');
    expect(frame.view?.currency).toBe('USD');

    expect(act((x) => x.setTailoring({ people: { nobody: 'X Y' } }))).toBe('no person "nobody" in "' + ex.scenario!.title + '"');
    // Emptying a field gives the scenario's own value back.
    expect(act((x) => x.setTailoring({ company: '', people: { ceo: '' } }))).toBeNull();
    expect(store.getState().exercise().scenario?.company.name).toBe('Shopco');
    expect(store.getState().session.tailoring.people).toEqual({});
    store.getState().dispose();
  });
});
