import { ROLES, ROLE_LABELS } from "@/lib/auth/roles";

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r].label }));
