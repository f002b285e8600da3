import { z } from 'zod';
import { ROLE_IDS } from './roles.ts';

// The single source of truth for the scenario format. `scenarios/scenario.schema.json`
// is generated from this file (`war-room schema`), and a test fails when it is stale.
// Objects are strict so a misspelt field is reported instead of silently ignored.

export const SCHEMA_VERSION = 1;

export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids use lower-case letters, digits and dashes, like "tested-backups"')
  .max(64)
  .describe('A kebab-case identifier, unique within its list');
const Text = z.string().trim().min(1, 'text must not be empty').max(4000);
const Label = z.string().trim().min(1, 'text must not be empty').max(200);
const Minutes = z.number().int().min(0).max(60 * 24 * 30).describe('Game minutes');
const Money = z.number().min(0).max(1e12);
// Every number has a bound that means something in the game, so no effect can reach Infinity:
// amounts (money, minutes, customers, points) stay within a trillion either way, and a
// variable's multiplier within a million (hours to minutes is 60).
const Amount = z.number().min(-1e12).max(1e12);
const Multiplier = z.number().min(-1e6).max(1e6);

export const DIMENSIONS = ['communication', 'proactivity', 'businessImpact'] as const;
export const Dimension = z.enum(DIMENSIONS).describe('One of the three scores');

export const METRICS = [
  'downtimeMinutes',
  'revenueLost',
  'customersAffected',
  'complianceExposure',
  'fatigue',
  'spend',
] as const;
export const Metric = z.enum(METRICS);

export const SERVICE_STATUSES = ['up', 'degraded', 'down'] as const;
export const ServiceStatus = z.enum(SERVICE_STATUSES);

export const CHANNELS = ['alert', 'email', 'call', 'chat', 'social', 'news', 'regulator', 'vendor', 'status'] as const;
export const Channel = z.enum(CHANNELS);

export const PARTNER_TIERS = ['break-fix', 'managed', 'strategic'] as const;
export const DIFFICULTIES = ['introductory', 'intermediate', 'advanced'] as const;
export const OUTCOMES = ['good', 'mixed', 'bad'] as const;

/** A number, or a scenario variable scaled: `{ var: restoreHours, times: 60 }`. */
export const NumberExpr = z.union([
  Amount,
  z.strictObject({
    var: Id.describe('The variable whose drawn value is used (a text value counts as 0)'),
    times: Multiplier.optional().describe('Multiplies the value (default 1)'),
    plus: Amount.optional().describe('Added after multiplying (default 0)'),
  }),
]).meta({ id: 'NumberExpr', description: 'A number, or a scenario variable scaled: value × times + plus.' });

export const CONDITION_SUBJECTS = [
  'flag',
  'measure',
  'capability',
  'metric',
  'var',
  'sentiment',
  'service',
  'clock',
  'not',
  'all',
  'any',
] as const;

export interface Condition {
  flag?: string;
  measure?: string;
  capability?: string;
  metric?: (typeof METRICS)[number];
  var?: string;
  sentiment?: string;
  service?: string;
  clock?: true;
  not?: Condition;
  all?: Condition[];
  any?: Condition[];
  eq?: string | number;
  gte?: number;
  lte?: number;
  is?: (typeof SERVICE_STATUSES)[number];
}

// One object with exactly one subject keeps error messages precise ("unknown field
// 'flgs', did you mean 'flag'?") where a union of shapes would only say "no match".
export const Condition: z.ZodType<Condition> = z
  .strictObject({
    flag: Id.optional().describe('True when this flag is set'),
    measure: Id.optional().describe('True when this preparation measure was bought'),
    capability: Id.optional().describe("True when the chosen IT partner has this capability"),
    metric: Metric.optional().describe('Compare a metric with gte / lte'),
    var: Id.optional().describe('Compare a scenario variable with eq / gte / lte'),
    sentiment: Id.optional().describe("Compare a stakeholder's sentiment (0-100) with gte / lte"),
    service: Id.optional().describe("Compare a service's own status with is"),
    clock: z.literal(true).optional().describe('Compare the game clock (T+ minutes) with gte / lte'),
    get not() {
      return Condition.optional();
    },
    get all() {
      return z.array(Condition).min(1).optional();
    },
    get any() {
      return z.array(Condition).min(1).optional();
    },
    eq: z.union([z.string(), Amount]).optional().describe('Equal to (var conditions)'),
    gte: Amount.optional().describe('At least'),
    lte: Amount.optional().describe('At most'),
    is: ServiceStatus.optional().describe('The status a service condition asks for'),
  })
  .superRefine((c, ctx) => {
    const subjects = CONDITION_SUBJECTS.filter((k) => c[k] !== undefined);
    if (subjects.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          subjects.length === 0
            ? `a condition needs one of: ${CONDITION_SUBJECTS.join(', ')}`
            : `a condition has exactly one subject, found ${subjects.join(' and ')}; combine them with all: [...]`,
      });
      return;
    }
    const subject = subjects[0];
    const compares = c.eq !== undefined || c.gte !== undefined || c.lte !== undefined;
    if ((subject === 'metric' || subject === 'sentiment' || subject === 'clock') && c.gte === undefined && c.lte === undefined) {
      ctx.addIssue({ code: 'custom', message: `a ${subject} condition needs gte or lte` });
    }
    if (subject === 'var' && !compares) ctx.addIssue({ code: 'custom', message: 'a var condition needs eq, gte or lte' });
    if (subject === 'service' && c.is === undefined) ctx.addIssue({ code: 'custom', message: 'a service condition needs is: up, degraded or down' });
    if (c.is !== undefined && subject !== 'service') ctx.addIssue({ code: 'custom', path: ['is'], message: 'is only applies to service conditions' });
  })
  .meta({ id: 'Condition' });

// Behaviour a scenario refers to by name; each is implemented once in src/engine/effects.ts.
const EFFECTS = [
  z.strictObject({
    type: z.literal('adjust'),
    params: z
      .strictObject({ metric: Metric, by: NumberExpr })
      .describe('Adds to a metric; complianceExposure and fatigue stay within 0–100'),
  }),
  z.strictObject({
    type: z.literal('sentiment'),
    params: z.strictObject({ stakeholder: Id, by: NumberExpr }).describe("Moves a stakeholder's sentiment, kept within 0–100"),
  }),
  z.strictObject({ type: z.literal('set-flag'), params: z.strictObject({ flag: Id }).describe('Sets a flag that later conditions can test') }),
  z.strictObject({ type: z.literal('clear-flag'), params: z.strictObject({ flag: Id }).describe('Clears a flag') }),
  z.strictObject({
    type: z.literal('service'),
    params: z
      .strictObject({
        service: Id,
        status: ServiceStatus,
        without: z
          .array(Id)
          .optional()
          .describe('Failover: the dependencies this service now runs without (its down or degraded state no longer reaches it); [] puts it back on all of them'),
      })
      .describe("Sets a service's own status; services that depend on it follow"),
  }),
  z.strictObject({
    type: z.literal('draw'),
    params: z.strictObject({ var: Id }).describe('Draw a scenario variable again from its own range'),
  }),
  z.strictObject({
    type: z.literal('advance'),
    params: z.strictObject({ minutes: NumberExpr }).describe('Game time passes (outage costs keep accruing)'),
  }),
  z.strictObject({ type: z.literal('notify'), params: z.strictObject({ regulator: Id }).describe('Notifies a regulator, which stops its clock') }),
] as const;

/** An effect that is not itself conditional: what `if` may apply (one level keeps files readable). */
export const PlainEffect = z.discriminatedUnion('type', [...EFFECTS]).meta({ id: 'PlainEffect' });

export const Effect = z
  .discriminatedUnion('type', [
    ...EFFECTS,
    z.strictObject({
      type: z.literal('if'),
      params: z
        .strictObject({
          when: Condition.describe('Checked when the effect applies, after the effects before it'),
          then: z.array(PlainEffect).min(1).describe('Applied when the condition holds'),
          else: z.array(PlainEffect).min(1).optional().describe('Applied when it does not'),
        })
        .describe('Applies some effects only when a condition holds'),
    }),
  ])
  .meta({ id: 'Effect' });

export const ScoreEntry = z.strictObject({
  dimension: Dimension,
  points: z.number().int().min(-50).max(50),
  reason: Label.describe('One line the debrief shows'),
  objective: Id.optional().describe('The learning objective this is evidence for'),
}).meta({ id: 'ScoreEntry' });

export const Option = z.strictObject({
  id: Id,
  label: Label.describe('What the player presses'),
  detail: Text.optional().describe('More about the option, shown under its label'),
  requires: Condition.optional().describe('When false the option is shown but cannot be chosen'),
  unavailable: Label.optional().describe('Why the option cannot be chosen, shown when requires is false'),
  cost: Money.optional().describe('Response cost, scaled by the partner costFactor'),
  minutes: Minutes.optional().describe('Game minutes the response takes, scaled by the partner timeFactor'),
  effects: z.array(Effect).optional().describe('Applied in order once the minutes have passed'),
  score: z.array(ScoreEntry).optional(),
  outcome: Text.describe('What happened, shown after the choice'),
  branches: z
    .array(z.strictObject({ when: Condition, next: Id.describe('The beat to go to when the condition holds') }))
    .optional()
    .describe('Checked in order after the effects; the first that holds decides the next beat'),
  next: Id.describe('The beat that follows when no branch matches'),
});

export const Decision = z.strictObject({
  prompt: Text.describe('The question put to the player'),
  timeLimit: Minutes.optional().describe('Game minutes before the default applies'),
  default: Id.optional().describe('The option applied when the time limit runs out'),
  options: z.array(Option).min(2).max(5),
  advice: z
    .strictObject({ option: Id.describe('The advised option'), why: Text.describe('Why, in one to three sentences') })
    .describe('What a strategic partner would have done here, and why'),
});

export const Inject = z.strictObject({
  id: Id,
  channel: Channel,
  from: Label.describe('Who sends it, as the player sees it'),
  stakeholder: Id.optional().describe('Links the inject to a stakeholder portrait'),
  audience: z.array(z.enum(ROLE_IDS)).optional().describe('Workshop roles this inject is aimed at'),
  at: Minutes.optional().describe('Beat injects: minutes after the beat starts. Scenario injects: T+ minutes'),
  when: Condition.optional().describe('The inject arrives once this holds (and its at time, if any, has come)'),
  text: Text.describe('The message'),
  effects: z.array(Effect).optional().describe('Applied when the inject arrives'),
}).meta({ id: 'Inject' });

export const FacilitatorNotes = z.strictObject({
  questions: z.array(Text).optional().describe('Questions to put to the room'),
  lookFor: z.array(Text).optional().describe('What good looks like'),
  expectedActions: z.array(Text).optional().describe('What a well-run team would do here'),
});

export const Beat = z.strictObject({
  id: Id,
  title: Label,
  narrative: Text.describe('What happens, read at the start of the beat'),
  onEnter: z.array(Effect).optional().describe('Applied when the beat starts'),
  injects: z.array(Inject).optional().describe('Messages that arrive while this beat\'s decision is open; at counts from the beat\'s start'),
  decision: Decision.optional().describe('What the player decides here (a beat has a decision or an ending)'),
  ending: z.strictObject({ outcome: z.enum(OUTCOMES) }).optional().describe('Ends the run; the title and narrative are the ending the player reads'),
  facilitator: FacilitatorNotes.optional().describe('Notes for workshop facilitators'),
});

export const Service = z.strictObject({
  id: Id,
  name: Label,
  description: Text.optional().describe('What the service does, shown on the briefing and the service map'),
  dependsOn: z.array(Id).optional().describe('Services this one needs: while one of them is down, so is this one'),
  revenueShare: z.number().min(0).max(1).describe('Share of revenue that stops while this service is down'),
  customerShare: z.number().min(0).max(1).describe('Share of customers affected while this service is down'),
  staffShare: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe("Share of the company's employees who cannot work while this service is down (default: its revenueShare)"),
  degradedShare: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe('Share of its revenue and customers this service loses while degraded (default 0.5)'),
  status: ServiceStatus.optional().describe('Status when the incident starts (default up)'),
});

export const Partner = z.strictObject({
  id: Id,
  name: Label,
  tier: z.enum(PARTNER_TIERS),
  description: Text,
  capabilities: z.array(Id).describe('What options can require with { capability: id }'),
  timeFactor: z.number().min(0.1).max(10).describe('Multiplies the minutes options take'),
  costFactor: z.number().min(0.1).max(10).describe('Multiplies what options cost'),
});

export const Variable = z
  .strictObject({
    id: Id,
    min: z.number().int().min(-1e9).max(1e9).optional().describe('Smallest whole number drawn'),
    max: z.number().int().min(-1e9).max(1e9).optional().describe('Largest whole number drawn'),
    from: z.array(z.union([z.string(), Amount])).min(1).optional().describe('Draw one of these values instead of a range'),
    description: Label.optional(),
  })
  .superRefine((v, ctx) => {
    const range = v.min !== undefined || v.max !== undefined;
    if (range === (v.from !== undefined)) {
      ctx.addIssue({ code: 'custom', message: 'a variable has either min and max, or from: [...]' });
    } else if (range && (v.min === undefined || v.max === undefined || v.min > v.max)) {
      ctx.addIssue({ code: 'custom', message: 'a ranged variable needs min <= max' });
    }
  });

export const Scenario = z.strictObject({
  $schema: z.string().optional(),
  formatVersion: z.literal(SCHEMA_VERSION).describe('The scenario format version'),
  id: Id,
  title: Label,
  summary: Text,
  industry: Label,
  themes: z.array(Id).min(1).describe('Tags the scenario picker filters by'),
  difficulty: z.enum(DIFFICULTIES),
  playMinutes: z.number().int().min(5).max(180).describe('Expected real minutes of play'),
  setting: Label.optional().describe('When and where the incident begins, e.g. "Sunday 02:40, main plant": a weekday and a time set the company local clock the game shows'),
  objectives: z
    .array(z.strictObject({ id: Id, dimension: Dimension, text: Text }))
    .min(1)
    .describe('What the scenario teaches, each tied to one score'),
  company: z.strictObject({
    name: Label,
    description: Text,
    currency: z.enum(['EUR', 'USD', 'GBP']).optional().describe('The currency of every amount in the scenario (default EUR)'),
    revenuePerHour: Money.describe('Revenue per hour while everything runs, in the company currency'),
    annualRevenue: Money.optional().describe(
      "Turnover in a normal year, in the company currency; the checker warns when the preparation budget or a measure is out of scale with it (default: revenuePerHour × 8,760 hours)",
    ),
    customers: z.number().int().min(0).max(1e10).describe('How many customers the company has'),
    employees: z.number().int().min(0).max(1e8).optional().describe('How many people work there, shown on the briefing'),
    services: z.array(Service).min(1).describe('The systems on the service map'),
  }),
  stakes: z
    .strictObject({
      revenueAtRisk: Money.describe('A loss this size or more scores as the worst business outcome'),
      downtimeToleranceMinutes: Minutes.describe('Downtime the business can live with'),
    })
    .describe('Scales the business-impact score'),
  stakeholders: z
    .array(
      z.strictObject({
        id: Id,
        name: Label,
        role: Label,
        sentiment: z.number().int().min(0).max(100).describe('Starting mood, 0 (furious) to 100 (confident)'),
        cares: Label.optional().describe('What this stakeholder cares about most'),
      }),
    )
    .min(1),
  regulators: z
    .array(
      z.strictObject({
        id: Id,
        name: Label,
        description: Text.optional(),
        deadlineMinutes: Minutes.describe('Game minutes from the trigger to the notification deadline'),
        trigger: Condition.describe('The notification clock starts when this becomes true'),
        penalty: z.number().min(0).max(100).describe('Compliance exposure added when the deadline is missed'),
        objective: Id.optional().describe('A communication objective the notification is evidence for'),
      }),
    )
    .optional()
    .describe('Notification clocks: missing a deadline adds the penalty to compliance exposure and sets the flag missed-<id>'),
  partners: z.array(Partner).min(1).describe('The IT partner profiles the player chooses from'),
  variables: z.array(Variable).optional().describe('Seeded variation, drawn at the start of a run'),
  preparation: z.strictObject({
    budget: Money.describe(
      'What the player may spend on measures before the incident, in whole units of the company currency (120000 is 120,000, not thousands); the checker warns outside 0.01%–1% of annualRevenue',
    ),
    intro: Text.optional().describe('Shown above the measures on the preparation screen'),
    advised: z
      .array(Id)
      .optional()
      .describe("The preparation a strategic partner would buy; it must fit the budget. Without it the checker's policies buy measures in listed order, skipping any that no longer fit"),
    measures: z
      .array(
        z.strictObject({
          id: Id,
          name: Label,
          description: Text,
          cost: Money.describe('In whole units of the company currency, taken from the budget; the checker warns below 0.001% of annualRevenue or above the budget'),
          effects: z.array(Effect).optional().describe('Applied when the incident starts, if bought'),
          score: z.array(ScoreEntry).optional().describe('Counted if bought'),
        }),
      )
      .min(1),
  }),
  injects: z.array(Inject).optional().describe('Injects that arrive at a T+ time or on a condition, in any beat'),
  start: Id.describe('The first beat of the incident'),
  beats: z.array(Beat).min(2).describe('Every beat: each has a decision or an ending'),
  facilitator: z
    .strictObject({ overview: Text.optional().describe('What the session is about, for the facilitator'), questions: z.array(Text).optional().describe('Questions for the debrief') })
    .optional()
    .describe('Notes for workshop facilitators'),
});

export type Scenario = z.infer<typeof Scenario>;
export type Beat = z.infer<typeof Beat>;
export type Option = z.infer<typeof Option>;
export type Decision = z.infer<typeof Decision>;
export type Effect = z.infer<typeof Effect>;
export type PlainEffect = z.infer<typeof PlainEffect>;
export type Inject = z.infer<typeof Inject>;
export type ScoreEntry = z.infer<typeof ScoreEntry>;
export type Partner = z.infer<typeof Partner>;
export type NumberExpr = z.infer<typeof NumberExpr>;
export type MetricName = (typeof METRICS)[number];
export type DimensionName = (typeof DIMENSIONS)[number];
export type ServiceStatusName = (typeof SERVICE_STATUSES)[number];
export type ChannelName = (typeof CHANNELS)[number];
export type OutcomeName = (typeof OUTCOMES)[number];
export type PartnerTierName = (typeof PARTNER_TIERS)[number];
