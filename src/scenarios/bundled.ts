import type { ScenarioProblem } from './load.ts';
import type { Scenario } from './schema.ts';

/** A scenario file as the build validates it: the whole scenario, or its problems. */
export interface BundledScenario {
  file: string;
  scenario: Scenario | null;
  errors: ScenarioProblem[];
}

/**
 * What the picker and the title need to show a scenario before its data is downloaded: a few
 * hundred bytes each, so the catalogue stays small however many scenarios ship.
 */
export type ScenarioCard = Pick<Scenario, 'id' | 'title' | 'summary' | 'themes' | 'industry' | 'playMinutes' | 'difficulty'> & {
  objectives: { text: string }[];
  partners: Pick<Scenario['partners'][number], 'id' | 'name' | 'tier' | 'description'>[];
};

/** One line of the catalogue the browser fetches at start-up; `url` is where the scenario's data is. */
export interface CatalogueEntry {
  file: string;
  scenario: ScenarioCard | null;
  url: string | null;
  errors: ScenarioProblem[];
}

export function scenarioCard(s: Scenario): ScenarioCard {
  return {
    id: s.id,
    title: s.title,
    summary: s.summary,
    themes: s.themes,
    industry: s.industry,
    playMinutes: s.playMinutes,
    difficulty: s.difficulty,
    objectives: s.objectives.map((o) => ({ text: o.text })),
    partners: s.partners.map((p) => ({ id: p.id, name: p.name, tier: p.tier, description: p.description })),
  };
}
