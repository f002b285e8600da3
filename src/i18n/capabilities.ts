import type { Lang } from './lang.ts';

// Partner capabilities are scenario ids ("legal-liaison"); this names the ones the shipped
// scenarios use in each language. English reads the id with spaces ("legal liaison"), as it always
// has; an id a language does not know is read the same way.

const DE: Readonly<Record<string, string>> = {
  '24x7': '24/7-Bereitschaft',
  'ai-governance': 'KI-Governance',
  'cloud-ops': 'Cloud-Betrieb',
  'crisis-comms': 'Krisenkommunikation',
  'endpoint-fleet': 'Endgeräteverwaltung',
  facilities: 'Gebäudetechnik',
  failover: 'Failover',
  finops: 'FinOps',
  forensics: 'Forensik',
  identity: 'Identitätsmanagement',
  'legal-liaison': 'Rechtsbegleitung',
  'vendor-management': 'Lieferantensteuerung',
};

/** A capability's name in `lang`: "legal liaison" / "Rechtsbegleitung". */
export function capabilityName(id: string, lang: Lang): string {
  return (lang === 'de' ? DE[id] : undefined) ?? id.replace(/-/g, ' ');
}
