import type { Kysely } from 'kysely';

import type { Id } from '../../_core/domain/entity.js';
import { fromDbDateTime } from '../../_core/infrastructure/column-values.js';
import type { Database } from '../../_core/infrastructure/database.js';
import { KyselyRepository } from '../../_core/infrastructure/kysely-repository.js';
import type { UserStore, UserWithPassword } from '../domain/auth.ports.js';
import type { Role, User } from '../domain/user.entity.js';
import type { UserRow, UserTable } from './auth.tables.js';

interface NewUser {
  email: string;
  passwordHash: string;
  role: Role;
}

export class KyselyUserStore
  extends KyselyRepository<UserTable, User, NewUser, Partial<NewUser>>
  implements UserStore
{
  constructor(private readonly database: Kysely<Database>) {
    super(database, 'user', 'User');
  }

  override findById(id: Id): Promise<User | undefined> {
    return super.findById(id);
  }

  findByEmail(email: string): Promise<UserWithPassword | undefined> {
    return this.translate('read', async () => {
      const row = await this.database
        .selectFrom('user')
        .selectAll()
        .where('email', '=', email)
        .executeTakeFirst();
      return row && { ...this.toEntity(row), passwordHash: row.passwordHash };
    });
  }

  protected toEntity(row: UserRow): User {
    return {
      id: Number(row.id),
      createdAt: fromDbDateTime(row.createdAt),
      updatedAt: fromDbDateTime(row.updatedAt),
      email: row.email,
      role: row.role,
    };
  }

  protected toInsert(input: NewUser) {
    return { email: input.email, passwordHash: input.passwordHash, role: input.role };
  }

  protected toUpdate(changes: Partial<NewUser>) {
    return { email: changes.email, passwordHash: changes.passwordHash, role: changes.role };
  }
}
