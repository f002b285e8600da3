// Which portrait a stakeholder gets and which icon a service gets, from the words a scenario
// already uses (ids, names, roles): scenario files stay as they are, and a new scenario gets
// fitting art without naming any. The art itself is in assets/ (see assets/README.md).

export const PORTRAIT_KINDS = [
  'executive',
  'finance',
  'board',
  'operations',
  'engineer',
  'press',
  'legal',
  'regulator',
  'hr',
  'vendor',
  'insurer',
  'medical',
  'client',
  'customers',
  'staff',
] as const;
export type PortraitKind = (typeof PORTRAIT_KINDS)[number];

export const SERVICE_KINDS = [
  'identity',
  'email',
  'files',
  'ledger',
  'integration',
  'factory',
  'payments',
  'web',
  'api',
  'dns',
  'cdn',
  'cloud',
  'phone',
  'power',
  'cooling',
  'records',
  'pharmacy',
  'lab',
  'warehouse',
  'assistant',
  'people',
  'calendar',
  'plane',
  'luggage',
  'status',
  'document',
  'server',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** The face anchor every portrait shares, in its 128-unit grid (assets/scripts/make-portraits.mjs). */
export const PORTRAIT_FACE = { size: 128, x: 64, y: 56, s: 56 } as const;

// Tried in order; the first that matches names the kind. Groups come before single roles, so
// "Staff" is a crowd and "Chief executive" a person.
const PORTRAIT_RULES: [RegExp, PortraitKind][] = [
  [/\b(regulator|inspectorate|authority|supervisor|ombudsman|commissioner)\b/i, 'regulator'],
  [/\b(insurer|insurance|bank|lender|underwriter)\b/i, 'insurer'],
  [/\b(press|journalist|reporter|media|news|comms|communications)\b/i, 'press'],
  [/\b(staff|workforce|works council|union|employees|team|people running)\b/i, 'staff'],
  [/\b(customers|members|shoppers|guests|diners|passengers|travellers|patients|tenants|applicants|candidates|merchants|public|people whose|users|restaurants)\b/i, 'customers'],
  [/\b(medical|doctor|nurse|clinical|physician)\b/i, 'medical'],
  [/\b(board|audit committee|chair|trustees?|shareholders?)\b/i, 'board'],
  [/\b(cfo|finance|financial|fd|treasurer|controller)\b/i, 'finance'],
  [/\b(legal|counsel|lawyer|compliance)\b/i, 'legal'],
  [/\b(hr|human resources|people director)\b/i, 'hr'],
  [/\b(vendor|supplier|account manager|partner[- ]lead|marketplace|provider)\b/i, 'vendor'],
  [/\b(it|cio|ciso|engineer|engineering|administrator|security|integrations|developer)\b/i, 'engineer'],
  [/\b(client|landlords?|owners|procurement|supply chain|airline|facilities|hiring)\b/i, 'client'],
  [/\b(coo|ops|operations|warehouse|shift|station|duty manager|airport|plant|floor)\b/i, 'operations'],
  [/\b(ceo|chief executive|managing director|md|founder|managing partner|owner|president)\b/i, 'executive'],
];

/** Every kind that fits, best first; `client` (someone the company serves) when nothing does. */
export function portraitCandidates(person: { id: string; name: string; role: string }): PortraitKind[] {
  const found: PortraitKind[] = [];
  // The role says most, then the name, then the id ("md", "fd").
  for (const text of [person.role, person.name, person.id.replace(/-/g, ' ')]) {
    for (const [pattern, kind] of PORTRAIT_RULES) if (pattern.test(text) && !found.includes(kind)) found.push(kind);
  }
  if (!found.includes('client')) found.push('client');
  return found;
}

/**
 * One portrait kind per stakeholder, different for everyone in the room as far as the kinds
 * allow (a finance director and the company's banker should not share a face).
 */
export function portraitKinds(people: readonly { id: string; name: string; role: string }[]): PortraitKind[] {
  const taken = new Set<PortraitKind>();
  return people.map((p) => {
    const candidates = portraitCandidates(p);
    const kind = candidates.find((k) => !taken.has(k)) ?? PORTRAIT_KINDS.find((k) => !taken.has(k)) ?? candidates[0]!;
    taken.add(kind);
    return kind;
  });
}

const SERVICE_RULES: [RegExp, ServiceKind][] = [
  [/\b(directory|identity|sso|login|active directory|accounts?)\b/i, 'identity'],
  [/\b(e-?mail|mail|inbox)\b/i, 'email'],
  [/\b(file|files|shares?|documents store)\b/i, 'files'],
  [/\b(status page|status-page)\b/i, 'status'],
  [/\b(edi|integrations?|sync|interfaces?|message bus)\b/i, 'integration'],
  [/\b(mes|production|factory|plant|machines)\b/i, 'factory'],
  [/\b(payments?|card|checkout|tills?|pay)\b/i, 'payments'],
  [/\b(payroll|candidates|hr|people)\b/i, 'people'],
  [/\b(roster|rostering|schedul\w*|shifts)\b/i, 'calendar'],
  [/\b(erp|ledger|finance|accounting|back[- ]office|invoic\w*|billing|practice)\b/i, 'ledger'],
  [/\b(api)\b/i, 'api'],
  [/\b(dns|domain)\b/i, 'dns'],
  [/\b(cdn|edge)\b/i, 'cdn'],
  [/\b(hosting|cloud|origin|region|servers?)\b/i, 'cloud'],
  [/\b(phones?|telephon\w*|call[- ]centre|contact[- ]centre|switchboard)\b/i, 'phone'],
  [/\b(power|electric\w*|generator|ups)\b/i, 'power'],
  [/\b(cooling|hvac|air[- ]conditioning|chiller)\b/i, 'cooling'],
  [/\b(epr|records?|ehr|patient)\b/i, 'records'],
  [/\b(pharmacy|dispens\w*|medicines?)\b/i, 'pharmacy'],
  [/\b(lab|laborator\w*|pathology)\b/i, 'lab'],
  [/\b(warehouse|logistics|stock|inventory)\b/i, 'warehouse'],
  [/\b(assistant|ai|chatbot|model)\b/i, 'assistant'],
  [/\b(baggage|luggage)\b/i, 'luggage'],
  [/\b(check-?in|gates?|boarding|load control|flights?|departures?)\b/i, 'plane'],
  [/\b(quotes?|quoting|documents?|contracts?)\b/i, 'document'],
  [/\b(portal|website|web ?shop|webshop|storefront|shop|site|app|online|orders|lettings)\b/i, 'web'],
];

/** The icon for a service; `server` when its id and name match nothing more telling. */
export function serviceKind(service: { id: string; name: string }): ServiceKind {
  for (const text of [service.id.replace(/-/g, ' '), service.name]) {
    for (const [pattern, kind] of SERVICE_RULES) if (pattern.test(text)) return kind;
  }
  return 'server';
}
