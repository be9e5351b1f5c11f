import type { Entity } from '../../_core/domain/entity.js';

export const ROLES = ['user', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A user as the API shows it: the password hash never leaves the store. */
export interface User extends Entity {
  email: string;
  role: Role;
}

/** Who made a request, from a verified access token. */
export interface CurrentUser {
  id: number;
  role: Role;
}
