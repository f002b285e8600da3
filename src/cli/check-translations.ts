import type { ScenarioProblem } from '../scenarios/load.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { scenarioTexts, sourceHash, translatedAt, translationStatus } from '../scenarios/translation.ts';
import { findTranslations, loadTranslationFile } from '../scenarios/translation-file.ts';
import { TRANSLATION_LANGUAGES } from '../scenarios/translation-schema.ts';
import type { TranslationCheck } from './check-types.ts';

// The translations part of checking one scenario file: each translation file beside it is
// loaded against the English, and every text it lacks (missing) or translated from an older
// English (stale) is a warning, or with --strict an error: a language that ships is complete.
// A scenario without translations costs one folder listing here.

export interface TranslationsChecked {
  translations: TranslationCheck[];
  errors: ScenarioProblem[];
  warnings: ScenarioProblem[];
}

export async function checkTranslations(file: string, scenario: Scenario, strict: boolean): Promise<TranslationsChecked> {
  const out: TranslationsChecked = { translations: [], errors: [], warnings: [] };
  const found = await findTranslations(file);
  for (const path of found.unknown) {
    out.warnings.push({
      file: path,
      line: 1,
      column: 1,
      path: '(file)',
      message: `named like a translation of ${file}, but not in a language War Room ships (${TRANSLATION_LANGUAGES.join(', ')}); it is ignored`,
    });
  }
  const english = new Map(scenarioTexts(scenario).map((t) => [t.key.map(String).join('.'), t]));
  for (const tf of found.files) {
    const loaded = await loadTranslationFile(tf, scenario);
    out.errors.push(...loaded.errors);
    if (!loaded.translation) {
      out.translations.push({ language: tf.language, file: tf.path, total: english.size, missing: [], stale: [], valid: false });
      continue;
    }
    const status = translationStatus(scenario, loaded.translation);
    out.translations.push({ language: tf.language, file: tf.path, total: status.total, missing: status.missing, stale: status.stale, valid: true });
    const into = strict ? out.errors : out.warnings;
    for (const key of status.missing) {
      const t = english.get(key)!;
      into.push({ file: tf.path, ...loaded.where(t.key), path: key, message: `not translated into ${tf.language}: the English is shown` });
    }
    for (const key of status.stale) {
      const t = english.get(key)!;
      const from = translatedAt(loaded.translation, t.key)?.from;
      const now = sourceHash(t.text);
      into.push({
        file: tf.path,
        ...loaded.where(t.key),
        path: key,
        message:
          from === undefined
            ? `no fingerprint of the English it translates: run war-room translate ${file} --lang ${tf.language} to add it`
            : `stale: the English changed since this was translated (fingerprint ${from}, now ${now}); update the text and set from: ${now}`,
      });
    }
  }
  return out;
}
