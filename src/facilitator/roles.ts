import { ROLES, type RoleId } from '../scenarios/roles.ts';

// Workshop roles (defined with the scenario format, which checks inject audiences against them).
export { ROLES, type RoleId };

export function isRole(id: string): id is RoleId {
  return ROLES.some((r) => r.id === id);
}

/** "CFO"; a role a scenario names but this list does not know is shown as written. */
export function roleLabel(id: string): string {
  return ROLES.find((r) => r.id === id)?.label ?? id;
}
