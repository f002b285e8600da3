import { ROLES, type RoleId } from '../scenarios/roles.ts';
import type { Lang } from './lang.ts';

// The workshop roles as each language names them: a short label for badges and a title that says what the seat is.

type RoleNames = { readonly [R in RoleId]: { readonly label: string; readonly title: string } };

const de: RoleNames = {
  ceo: { label: 'CEO', title: 'Geschäftsführung' },
  cfo: { label: 'CFO', title: 'Finanzen' },
  coo: { label: 'COO', title: 'Leitung Betrieb' },
  cio: { label: 'CIO', title: 'IT-Leitung' },
  ciso: { label: 'CISO', title: 'Informationssicherheit' },
  comms: { label: 'Kommunikation', title: 'Unternehmenskommunikation' },
  legal: { label: 'Recht', title: 'Recht und Compliance' },
  ops: { label: 'Betrieb', title: 'Betrieb vor Ort' },
  hr: { label: 'Personal', title: 'Personal und HR' },
  'partner-lead': { label: 'Partner-Lead', title: 'Leitung beim IT-Partner' },
  observer: { label: 'Beobachtung', title: 'Beobachtung (ohne Rolle im Spiel)' },
};

const en = Object.fromEntries(ROLES.map((r) => [r.id, { label: r.label, title: r.title }])) as RoleNames;

const NAMES: { readonly [L in Lang]: RoleNames } = { en, de };

/** A role's label and title in `lang`; a role the list does not know is shown as written. */
export function roleName(id: string, lang: Lang): { label: string; title: string } {
  return NAMES[lang][id as RoleId] ?? { label: id, title: id };
}
