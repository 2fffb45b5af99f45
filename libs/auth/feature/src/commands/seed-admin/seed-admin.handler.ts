import { normalizeEmail } from '@bookstore/auth/domain';
import { Role } from '@bookstore/shared/contracts';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Types } from 'mongoose';

import { PasswordHasher } from '../../adapters/password-hasher';
import { AUTH_CONFIG } from '../../auth.tokens';
import type { AuthConfig } from '../../config/auth.config';
import { UsersRepository } from '../../persistence/users.repository';

/**
 * Seeds the administrator from ADMIN_EMAIL / ADMIN_PASSWORD at start, idempotently: an existing
 * account with that e-mail gets the admin role; else it is created. Replicas starting together
 * race on the insert, and the unique index on `email` lets one win; the others find it taken.
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

  /** Makes sure an account `email` exists and has the admin role; safe on every start. */
  async execute(email: string, password: string): Promise<void> {
    const normalized = normalizeEmail(email);
    const existing = await this.users.findByEmail(normalized);
    if (existing) {
      if (!existing.roles.includes(Role.Admin)) await this.users.grantRole(existing._id, Role.Admin);
      return;
    }
    // No event: the seeded administrator is not a registration (nobody is welcomed).
    // A null result means another replica seeded it at the same moment: nothing left to do.
    await this.users.insert(
      {
        _id: new Types.ObjectId(),
        email: normalized,
        name: 'Administrator',
        roles: [Role.Customer, Role.Admin],
        passwordHash: await this.hasher.hash(password),
        // The operator chose this address: there is nobody to send a verification link to.
        emailVerified: true,
      },
      [],
    );
  }
}
