import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PORTRAIT_KINDS, portraitCandidates, portraitKinds, SERVICE_KINDS, serviceKind } from '../../src/game/kinds.ts';
import { ROLES } from '../../src/scenarios/roles.ts';
import { loadScenarioFile, SCENARIOS_DIR } from '../../src/scenarios/load-file.ts';

// Which portrait and icon the scenarios' people and systems get (src/game/kinds.ts), and that
// assets/ has a file for every kind and no file for a kind nobody names.

const ROOT = join(import.meta.dirname, '../..');
const files = (folder: string, ext: string): string[] =>
  readdirSync(join(ROOT, 'assets', folder))
    .filter((f) => f.endsWith(ext))
    .map((f) => f.slice(0, -ext.length))
    .sort();

async function shippedScenarios() {
  const names = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.yaml'));
  const loaded = await Promise.all(names.map((f) => loadScenarioFile(join(SCENARIOS_DIR, f))));
  return loaded.map((l) => l.scenario!).filter(Boolean);
}

describe('portrait and icon kinds', () => {
  it('has exactly one file in assets/ per kind', () => {
    expect(files('portraits', '.svg')).toEqual([...PORTRAIT_KINDS].sort());
    expect(files('icons', '.svg')).toEqual([...SERVICE_KINDS].sort());
  });

  it('gives every workshop role a portrait of its own kind, not the fallback', () => {
    const kinds = Object.fromEntries(ROLES.filter((r) => r.id !== 'observer').map((r) => [r.id, portraitCandidates({ id: r.id, name: r.title, role: r.label })[0]]));
    expect(kinds).toEqual({
      ceo: 'executive',
      cfo: 'finance',
      coo: 'operations',
      cio: 'engineer',
      ciso: 'engineer',
      comms: 'press',
      legal: 'legal',
      ops: 'operations',
      hr: 'hr',
      'partner-lead': 'vendor',
    });
  });

  it('tells groups from people and reads the role first', () => {
    expect(portraitCandidates({ id: 'staff', name: 'Staff forum', role: 'Elected staff representatives' })[0]).toBe('staff');
    expect(portraitCandidates({ id: 'shoppers', name: 'Sale shoppers', role: 'Customers' })[0]).toBe('customers');
    expect(portraitCandidates({ id: 'key-customer', name: 'Pieter Vos', role: 'Head of supply chain at a truck builder, the largest customer' })[0]).toBe('client');
    expect(portraitCandidates({ id: 'inspectorate', name: 'Regional Health Care Inspectorate', role: 'The health regulator' })[0]).toBe('regulator');
    expect(portraitCandidates({ id: 'x', name: 'Someone', role: 'Somebody' })).toEqual(['client']);
  });

  it('gives everyone in a shipped scenario a different portrait, and most systems a telling icon', async () => {
    const scenarios = await shippedScenarios();
    expect(scenarios.length).toBeGreaterThan(5);
    let services = 0;
    let generic = 0;
    for (const scenario of scenarios) {
      const kinds = portraitKinds(scenario.stakeholders);
      expect(new Set(kinds).size, scenario.id).toBe(kinds.length);
      for (const s of scenario.company.services) {
        services++;
        if (serviceKind(s) === 'server') generic++;
      }
    }
    // Every system the shipped scenarios run has an icon that says what it is.
    expect(generic).toBe(0);
    expect(services).toBeGreaterThan(30);
  });

  it('spreads a clash to the next fitting kind: a finance director and the bank do not share a face', () => {
    const kinds = portraitKinds([
      { id: 'fd', name: 'Owen', role: 'Finance Director' },
      { id: 'bank', name: 'Rosalind', role: "Relationship manager, the company's lender" },
      { id: 'cfo2', name: 'Ruth', role: 'Chief Financial Officer' },
    ]);
    expect(kinds[0]).toBe('finance');
    expect(kinds[1]).toBe('insurer');
    expect(new Set(kinds).size).toBe(3);
  });

  it('names services by what they are', () => {
    expect(serviceKind({ id: 'directory', name: 'Directory and logins' })).toBe('identity');
    expect(serviceKind({ id: 'mes', name: 'Production lines (MES)' })).toBe('factory');
    expect(serviceKind({ id: 'card-payments', name: 'Card payments in the restaurants' })).toBe('payments');
    expect(serviceKind({ id: 'status-page', name: 'Status page' })).toBe('status');
    expect(serviceKind({ id: 'mainframe', name: 'Mainframe' })).toBe('server');
  });
});
