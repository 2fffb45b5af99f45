import { normalizeEmail } from '@bookstore/auth/domain';
import type { UserDto } from '@bookstore/shared/contracts';
import { DomainError, Role, USER_REGISTERED } from '@bookstore/shared/contracts';
import type { OutboxEntry } from '@bookstore/shared/messaging';
import { DocumentLocks } from '@bookstore/shared/messaging';
import { createEnvelope, OutboxRelay } from '@bookstore/shared/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';

import { USERS_OUTBOX_RELAY } from '../auth.tokens';
import { PasswordHasher } from './password-hasher';
import { toUserDto } from './to-user-dto';
import { User } from './user.schema';

const DUPLICATE_KEY = 11000;
const INVALID_CREDENTIALS = 'Invalid email or password';

export interface NewUser {
  email: string;
  password: string;
  name: string;
}

/** The lock key of a user document, shared by role changes and the outbox relay. */
export const userLock = (userId: string) => `user:${userId}`;

/** Accounts: registration (with its `user.registered` event), credentials, roles. */
@Injectable()
export class UsersService {
  constructor(
    @InjectModel(User.name) private readonly users: Model<User>,
    private readonly hasher: PasswordHasher,
    @Inject(USERS_OUTBOX_RELAY) private readonly relay: OutboxRelay,
    private readonly locks: DocumentLocks,
  ) {}

  /** Creates a customer; the event is stored in the same insert and published by the relay. */
  async register(input: NewUser): Promise<UserDto> {
    const _id = new Types.ObjectId();
    const email = normalizeEmail(String(input.email));
    const name = String(input.name);
    const event = createEnvelope(USER_REGISTERED, { userId: _id.toHexString(), email, name });
    try {
      const created = await this.users.create({
        _id,
        email,
        name,
        roles: [Role.Customer],
        passwordHash: await this.hasher.hash(String(input.password)),
        outbox: [event as unknown as OutboxEntry],
      });
      this.relay.kick({ model: User.name, id: _id.toHexString() });
      return toUserDto(created.toObject());
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) {
        throw DomainError.conflict('AUTH.EMAIL_TAKEN', 'An account with this email already exists');
      }
      throw error;
    }
  }

  /** The user whose credentials these are, else one and the same 401 whether the email exists or not. */
  async verifyCredentials(email: string, password: string): Promise<UserDto> {
    const user = await this.users
      .findOne({ email: normalizeEmail(String(email)) })
      .lean()
      .exec();
    const ok = await this.hasher.verifyOrDummy(user?.passwordHash, String(password));
    if (!user || !ok) throw DomainError.unauthorized('AUTH.INVALID_CREDENTIALS', INVALID_CREDENTIALS);
    return toUserDto(user);
  }

  /** The user, or null for an unknown or malformed id. */
  async findById(id: string): Promise<UserDto | null> {
    if (!isObjectId(id)) return null;
    const user = await this.users.findById(id).lean().exec();
    return user ? toUserDto(user) : null;
  }

  async updateRoles(id: string, roles: Role[]): Promise<UserDto> {
    const user = isObjectId(id)
      ? await this.locks.run(userLock(id), () =>
          this.users
            .findByIdAndUpdate(id, { $set: { roles: [...new Set(roles)] } }, { new: true })
            .lean()
            .exec(),
        )
      : null;
    if (!user) throw DomainError.notFound('AUTH.USER_NOT_FOUND', 'User not found');
    return toUserDto(user);
  }

  /** Makes sure the configured administrator exists and has the admin role; safe on every start. */
  async ensureAdmin(email: string, password: string): Promise<void> {
    const normalized = normalizeEmail(email);
    const existing = await this.users.findOne({ email: normalized }).lean().exec();
    if (existing) {
      if (!existing.roles.includes(Role.Admin)) {
        await this.users
          .updateOne(
            { _id: existing._id },
            { $set: { roles: [...new Set([...existing.roles, Role.Admin])] } },
          )
          .exec();
      }
      return;
    }
    try {
      await this.users.create({
        email: normalized,
        name: 'Administrator',
        roles: [Role.Customer, Role.Admin],
        passwordHash: await this.hasher.hash(password),
        outbox: [],
      });
    } catch (error) {
      // Another replica seeded it at the same moment.
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    }
  }
}

/** Only canonical 24-hex ids; anything else is "no such user" (404), never a cast error. */
function isObjectId(id: unknown): id is string {
  return typeof id === 'string' && /^[0-9a-f]{24}$/i.test(id);
}
