import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { loadScenarioFile } from '../scenarios/load-file.ts';
import { loadTranslationFile, translationPath } from '../scenarios/translation-file.ts';
import { TRANSLATION_LANGUAGES, type TranslationLanguage } from '../scenarios/translation-schema.ts';
import { translationStub } from '../scenarios/translation-stub.ts';
import { parse, UsageError } from './args.ts';
import { problemLine } from './format-check.ts';
import { TRANSLATE_HELP } from './help.ts';

// `war-room translate <scenario> --lang de`: writes (or brings up to date) the scenario's
// translation file, scenarios/translations/<file>.<lang>.yaml, with every English text and
// its fingerprint, so a translator fills in `text:` and never computes a fingerprint by hand.

export async function runTranslate(args: string[]): Promise<{ output: string; exitCode: number }> {
  const { values, positionals } = parse(args, { lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) return { output: TRANSLATE_HELP, exitCode: 0 };
  if (positionals.length !== 1) throw new UsageError('translate takes one scenario file, e.g. war-room translate scenarios/invoice-fraud.yaml --lang de');
  const language = values.lang;
  if (!(TRANSLATION_LANGUAGES as readonly string[]).includes(language ?? '')) {
    throw new UsageError(`--lang must be one of ${TRANSLATION_LANGUAGES.join(', ')}, got "${language ?? ''}"`);
  }
  const lang = language as TranslationLanguage;
  const file = positionals[0]!;
  const loaded = await loadScenarioFile(file);
  if (!loaded.scenario) {
    return { output: `${loaded.errors.map((p) => problemLine(p, 'error')).join('\n')}\nfix the scenario first\n`, exitCode: 1 };
  }
  const path = translationPath(file, lang);
  const existing = await loadTranslationFile({ language: lang, path }, loaded.scenario);
  const absent = existing.errors.length === 1 && existing.errors[0]!.message === 'no such file';
  if (!existing.translation && !absent) {
    return { output: `${existing.errors.map((p) => problemLine(p, 'error')).join('\n')}\n${path} not rewritten: fix these first\n`, exitCode: 1 };
  }
  const { text, counts } = translationStub(loaded.scenario, existing.translation, lang);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  return {
    output:
      `${path}: ${counts.translated + counts.stamped} translated (${counts.stamped} fingerprinted now), ` +
      `${counts.missing} to translate, ${counts.stale} stale (English changed; see en:)\n`,
    exitCode: 0,
  };
}
