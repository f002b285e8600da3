// The workshop roles a scenario's injects can be aimed at (`audience` in the scenario format).
// A facilitator gives each participant one of these, so the presenter can say who is on the spot;
// in a workshop room each phone takes a seat in one (see server/).
// They live with the format because the loader checks every `audience` id against them.

export const ROLES = [
  { id: 'ceo', label: 'CEO', title: 'Chief executive' },
  { id: 'cfo', label: 'CFO', title: 'Finance' },
  { id: 'coo', label: 'COO', title: 'Operations director' },
  { id: 'cio', label: 'CIO', title: 'Head of IT' },
  { id: 'ciso', label: 'CISO', title: 'Information security' },
  { id: 'comms', label: 'Comms', title: 'Communications' },
  { id: 'legal', label: 'Legal', title: 'Legal and compliance' },
  { id: 'ops', label: 'Ops', title: 'Operations floor' },
  { id: 'hr', label: 'HR', title: 'People and HR' },
  { id: 'partner-lead', label: 'Partner lead', title: "The IT partner's lead" },
  { id: 'observer', label: 'Observer', title: 'Observer (no role in play)' },
] as const;

export type RoleId = (typeof ROLES)[number]['id'];

/** The role ids, as the schema's enum wants them. */
export const ROLE_IDS = ROLES.map((r) => r.id) as [RoleId, ...RoleId[]];

export function isRole(id: string): id is RoleId {
  return ROLES.some((r) => r.id === id);
}

/** "CFO"; a role a scenario names but this list does not know is shown as written. */
export function roleLabel(id: string): string {
  return ROLES.find((r) => r.id === id)?.label ?? id;
}
