import { normalizeEmail } from '@bookstore/auth/domain';
import { Role } from '@bookstore/shared/contracts';
import { ConfigError } from '@bookstore/shared/platform';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Types } from 'mongoose';

import { PasswordHasher } from '../../adapters/password-hasher';
import { AUTH_CONFIG } from '../../auth.tokens';
import type { AuthConfig } from '../../config/auth.config';
import type { StoredUser } from '../../persistence/users.repository';
import { UsersRepository } from '../../persistence/users.repository';

/**
 * Seeds the administrator from ADMIN_EMAIL / ADMIN_PASSWORD at start. It only ever creates: an
 * existing account with that e-mail is never promoted (whoever registered the address first would
 * become admin with their own password), so a non-admin there stops the start; an existing admin
 * is left as it is (ADMIN_PASSWORD is only the initial password). Replicas starting together race
 * on the insert, and the unique index on `email` lets one win; the others find the admin it made.
 */
@Injectable()
export class SeedAdminHandler implements OnApplicationBootstrap {
  private readonly logger = new Logger(SeedAdminHandler.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.execute(this.config.ADMIN_EMAIL, this.config.ADMIN_PASSWORD);
    this.logger.log({ msg: 'administrator ensured', email: this.config.ADMIN_EMAIL });
  }

  /**
   * Creates the administrator `email` unless the account exists; safe on every start. Throws a
   * ConfigError (the service does not start) when the account exists and is not an admin.
   */
  async execute(email: string, password: string): Promise<void> {
    const normalized = normalizeEmail(email);
    const existing = (await this.users.findByEmail(normalized)) ?? (await this.create(normalized, password));
    if (!existing) return;
    if (!existing.roles.includes(Role.Admin)) throw notAnAdmin();
    if (!(await this.hasher.verifyOrDummy(existing.passwordHash, password)))
      this.logger.warn({
        msg:
          'ADMIN_PASSWORD no longer matches the administrator’s password and is ignored: it only sets the ' +
          'initial password. Change the password through the password reset (POST /api/v1/auth/password/forgot), ' +
          'then set ADMIN_PASSWORD to the new one or leave it; it never overwrites a stored password.',
        email: normalized,
      });
  }

  /**
   * Inserts the administrator; null when it was created here, else the account that holds the
   * e-mail (another replica seeded it, or someone registered it, at the same moment).
   */
  private async create(email: string, password: string): Promise<StoredUser | null> {
    // No event: the seeded administrator is not a registration (nobody is welcomed).
    const created = await this.users.insert(
      {
        _id: new Types.ObjectId(),
        email,
        name: 'Administrator',
        roles: [Role.Customer, Role.Admin],
        passwordHash: await this.hasher.hash(password),
        // The operator chose this address: there is nobody to send a verification link to.
        emailVerified: true,
      },
      [],
    );
    return created ? null : this.users.findByEmail(email);
  }
}

/** The start stops: the seeder never turns an existing account into an administrator. */
function notAnAdmin(): ConfigError {
  return new ConfigError([
    'ADMIN_EMAIL: an account with this e-mail exists and is not an administrator; the seeder never promotes ' +
      'an existing account. Set ADMIN_EMAIL to an address without an account, or grant the role on purpose ' +
      '(PATCH /api/v1/auth/users/:id/roles as an administrator) if that account is really yours.',
  ]);
}
