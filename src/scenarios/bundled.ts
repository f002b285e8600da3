import type { ScenarioProblem } from './load.ts';
import type { Scenario } from './schema.ts';
import type { Language, Translation, TranslationLanguage } from './translation-schema.ts';

/** A scenario file as the build validates it: the whole scenario, or its problems. */
export interface BundledScenario {
  file: string;
  scenario: Scenario | null;
  errors: ScenarioProblem[];
  /** Its valid translation files (scenarios/translations/<file>.<language>.yaml), by language. */
  translations?: Partial<Record<TranslationLanguage, Translation>>;
}

/**
 * What the picker and the title need to show a scenario before its data is downloaded: a few
 * hundred bytes each, so the catalogue stays small however many scenarios ship.
 */
export type ScenarioCard = Pick<Scenario, 'id' | 'title' | 'summary' | 'themes' | 'industry' | 'playMinutes' | 'difficulty'> & {
  objectives: { text: string }[];
  partners: Pick<Scenario['partners'][number], 'id' | 'name' | 'tier' | 'description'>[];
  /**
   * The languages the scenario can be played in: English, and each language it has a
   * translation for (absent on cards made elsewhere from a bare scenario: English only).
   */
  languages?: Language[];
  /**
   * The card's text in each language the scenario is translated into, so the picker reads in the
   * player's language before the scenario's data is downloaded (a few hundred bytes each).
   */
  localized?: Partial<Record<TranslationLanguage, LocalizedCard>>;
};

/** What a card shows in words: the parts of a card a translation changes. */
export type LocalizedCard = Pick<ScenarioCard, 'title' | 'summary' | 'industry' | 'objectives' | 'partners'>;

/** One line of the catalogue the browser fetches at start-up; `url` is where the scenario's data is. */
export interface CatalogueEntry {
  file: string;
  scenario: ScenarioCard | null;
  url: string | null;
  errors: ScenarioProblem[];
  /**
   * Where each translation's data is, by language: the game merges it into the scenario with
   * localizeScenario (src/scenarios/translation.ts), English wherever a text is not translated.
   */
  translations?: Partial<Record<TranslationLanguage, string>>;
}

/** The languages a bundled scenario can be played in: English and each valid translation. */
export function languagesOf(e: Pick<BundledScenario, 'translations'>): Language[] {
  return ['en', ...(Object.keys(e.translations ?? {}) as TranslationLanguage[])];
}

export function scenarioCard(
  s: Scenario,
  translated: readonly TranslationLanguage[] = [],
  localized: Partial<Record<TranslationLanguage, Scenario>> = {},
): ScenarioCard {
  const words = (x: Scenario): LocalizedCard => ({
    title: x.title,
    summary: x.summary,
    industry: x.industry,
    objectives: x.objectives.map((o) => ({ text: o.text })),
    partners: x.partners.map((p) => ({ id: p.id, name: p.name, tier: p.tier, description: p.description })),
  });
  const cards = Object.entries(localized).map(([l, x]) => [l, words(x!)] as const);
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
    languages: ['en', ...translated],
    ...(cards.length > 0 ? { localized: Object.fromEntries(cards) } : {}),
  };
}
