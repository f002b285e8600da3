import { z } from 'zod';
import { MAX_DISPLAY_NAME, MAX_EVENTS_PER_MESSAGE, MAX_RATIONALE, MAX_ROOM_CAP } from './limits.ts';
import { ROLES } from '../scenarios/roles.ts';
import { LANGS } from '../i18n/lang.ts';

// What clients may send a workshop room, checked with zod when it arrives at the server.
// Phones send `vote`; the console sends `control.*`, each carrying the facilitator secret.
// Types of what the server sends back are in views.ts.

const Id = z.string().min(1).max(100);
const Secret = z.string().min(16).max(100);
const Whole = (min: number, max = 1_000_000) => z.int().min(min).max(max);
/** Plain text on one line: control characters (new lines included) are refused, not rendered. */
const Line = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !/\p{Cc}/u.test(s), 'must be one line of plain text');

export const RoleId = z.enum(ROLES.map((r) => r.id) as [string, ...string[]]);
/** A language War Room speaks (src/i18n/lang.ts): the room's, and each phone's own. */
export const LangSchema = z.enum(LANGS);

export const RunEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('prep.commit'), measures: z.array(Id).max(50) }),
  z.strictObject({ type: z.literal('player.choose'), option: Id, votes: z.record(Id, Whole(0, 9999)).optional() }),
  z.strictObject({ type: z.literal('clock.tick'), minutes: Whole(1, 24 * 60) }),
  z.strictObject({ type: z.literal('facilitator.extend'), minutes: Whole(1, 24 * 60) }),
  z.strictObject({ type: z.literal('facilitator.hold') }),
  z.strictObject({ type: z.literal('facilitator.release') }),
  z.strictObject({ type: z.literal('facilitator.skip') }),
]);

export const RoomSettingsSchema = z.strictObject({
  /** Phones and the presenter see the live tally while the vote is open (default: hidden until revealed). */
  resultsVisible: z.boolean(),
  /** Votes carry no names in the console or the report (default). */
  anonymous: z.boolean(),
  /** Phones show the ending and the scores when the exercise ends. */
  debriefToPhones: z.boolean(),
});
export type RoomSettings = z.infer<typeof RoomSettingsSchema>;
export const DEFAULT_SETTINGS: RoomSettings = { resultsVisible: false, anonymous: true, debriefToPhones: true };

/** Options of `create` (the console): what the room runs. */
export const CreateOptionsSchema = z.strictObject({
  scenarioId: Id,
  seed: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  partner: Id,
  settings: RoomSettingsSchema.optional(),
  cap: Whole(1, MAX_ROOM_CAP).optional(),
  /** Seats per role; a role left out gets the room's cap. */
  seats: z.partialRecord(RoleId, Whole(0, MAX_ROOM_CAP)).optional(),
  /** The room's language at the start (the console's); absent: English, as in rooms logged before languages. */
  lang: LangSchema.optional(),
});
export type CreateOptions = z.infer<typeof CreateOptionsSchema>;

/**
 * Options of `joinById`: a phone (name and role, or its device token) or the console (its secret).
 * A phone with a language of its own says it (`lang`); one without follows the room's language.
 */
export const JoinOptionsSchema = z.union([
  z.strictObject({ facilitator: Secret }),
  z.strictObject({
    name: Line(MAX_DISPLAY_NAME).refine((s) => s.trim().length > 0, 'a name is needed'),
    role: RoleId,
    device: Id.optional(),
    lang: LangSchema.optional(),
  }),
  z.strictObject({ device: Id, lang: LangSchema.optional() }),
]);
export type JoinOptions = z.infer<typeof JoinOptionsSchema>;

export const VoteSchema = z.strictObject({
  /** The decision voted on (views.ts: VoteView.decision), so a late vote never lands on the next one. */
  decision: Id,
  option: Id,
  confidence: Whole(1, 5).nullable().optional(),
  rationale: Line(MAX_RATIONALE).optional(),
});
export type VoteMessage = z.infer<typeof VoteSchema>;

/** A phone chose its own language: from now on the room sends it its role's view in that language. */
export const PhoneLanguageSchema = z.strictObject({ lang: LangSchema });
export type PhoneLanguageMessage = z.infer<typeof PhoneLanguageSchema>;

export const ControlMessages = {
  /**
   * Where the console's exercise stands, in one message so the room never sees half a change: the
   * run's inputs from index `from` on (an undo sends a shorter tail; a long run comes in several
   * messages), the stage, and `shown`, how many inputs the room may see (a recorded choice stays
   * hidden until the facilitator reveals it; null: all).
   */
  'control.run': z.strictObject({
    secret: Secret,
    from: Whole(0),
    events: z.array(RunEventSchema).max(MAX_EVENTS_PER_MESSAGE),
    stage: z.enum(['setup', 'briefing', 'incident', 'debrief']),
    decision: z.enum(['open', 'recorded', 'revealed']),
    shown: Whole(0).nullable(),
  }),
  'control.vote': z.strictObject({ secret: Secret, action: z.enum(['close', 'reopen', 'reveal', 'hide']) }),
  'control.settings': z.strictObject({ secret: Secret, settings: RoomSettingsSchema }),
  /** The room's language: phones without a language of their own, and the presenter, follow it. */
  'control.language': z.strictObject({ secret: Secret, lang: LangSchema }),
} as const;
export type ControlType = keyof typeof ControlMessages;
export type ControlMessage<T extends ControlType> = z.infer<(typeof ControlMessages)[T]>;

export const CLIENT_MESSAGE_TYPES = ['vote', 'language', ...Object.keys(ControlMessages)] as readonly string[];

export function isControlType(type: string): type is ControlType {
  return Object.hasOwn(ControlMessages, type);
}

/** A zod error as one sentence naming the field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : 'message'}: ${i.message}`)
    .join('; ');
}

