import { z } from 'zod';
import { LANGS, type Lang } from '../i18n/lang.ts';
import { Id, SCHEMA_VERSION } from './schema.ts';

// The format of a translation file, scenarios/translations/<file>.<language>.yaml: the same
// field names as the English scenario, where every list whose items have ids becomes a mapping
// by id, and every text becomes { from, text }. `from` is the fingerprint of the English text
// that was translated, so the checker can tell when the English has changed since.
// `scenarios/translation.schema.json` is generated from this file (`war-room schema`).

/** English is the language scenarios are written in; the languages are the interface's own (src/i18n/lang.ts). */
export const SOURCE_LANGUAGE = 'en' satisfies Language;
export type Language = Lang;
/** The languages a translation file may be in. */
export const TRANSLATION_LANGUAGES = LANGS.filter((l): l is Exclude<Lang, 'en'> => l !== SOURCE_LANGUAGE);
export type TranslationLanguage = (typeof TRANSLATION_LANGUAGES)[number];

export const Translated = z
  .strictObject({
    from: z
      .string()
      .regex(/^[0-9a-f]{8}$/, 'from is the 8-character fingerprint of the English text, as `war-room translate` writes it')
      .optional()
      .describe('Fingerprint of the English text this translates; `war-room translate` writes it (a text without one counts as stale)'),
    text: z.string().trim().min(1, 'text must not be empty').max(4000).optional().describe('The translated text; without it the English is shown'),
    en: z.string().optional().describe('The English text, written by `war-room translate` for reference; ignored'),
  })
  .meta({ id: 'Translated', description: 'One translated text and the fingerprint of the English it was translated from' });

const text = Translated.optional();
/** Lists without ids (score reasons, facilitator questions) are translated item by item, in the same order; null skips one. */
const list = z.array(Translated.nullable()).optional();
const byId = <S extends z.ZodType>(item: S) => z.record(Id, item).optional();

const TranslatedInject = z.strictObject({ from: text, text }).meta({ id: 'TranslatedInject' });

export const Translation = z.strictObject({
  $schema: z.string().optional(),
  formatVersion: z.literal(SCHEMA_VERSION).describe('The scenario format version'),
  scenario: Id.describe('The id of the scenario this translates'),
  language: z.enum(TRANSLATION_LANGUAGES).describe('The language of the texts; the file name ends in .<language>.yaml'),
  title: text,
  summary: text,
  industry: text,
  setting: text,
  objectives: byId(z.strictObject({ text })),
  company: z
    .strictObject({ name: text, description: text, services: byId(z.strictObject({ name: text, description: text })) })
    .optional(),
  stakeholders: byId(z.strictObject({ name: text, role: text, cares: text })),
  regulators: byId(z.strictObject({ name: text, description: text })),
  partners: byId(z.strictObject({ name: text, description: text })),
  variables: byId(z.strictObject({ description: text })),
  preparation: z
    .strictObject({
      intro: text,
      measures: byId(z.strictObject({ name: text, description: text, score: list.describe('The reason of each score entry, in order') })),
    })
    .optional(),
  injects: byId(TranslatedInject),
  beats: byId(
    z.strictObject({
      title: text,
      narrative: text,
      injects: byId(TranslatedInject),
      decision: z
        .strictObject({
          prompt: text,
          options: byId(
            z.strictObject({
              label: text,
              detail: text,
              unavailable: text,
              outcome: text,
              score: list.describe('The reason of each score entry, in order'),
            }),
          ),
          advice: z.strictObject({ why: text }).optional(),
        })
        .optional(),
      facilitator: z.strictObject({ questions: list, lookFor: list, expectedActions: list }).optional(),
    }),
  ),
  facilitator: z.strictObject({ overview: text, questions: list }).optional(),
});

export type Translation = z.infer<typeof Translation>;
export type Translated = z.infer<typeof Translated>;
