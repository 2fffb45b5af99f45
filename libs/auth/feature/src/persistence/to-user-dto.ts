import type { UserDto } from '@bookstore/shared/contracts';
import type { Types } from 'mongoose';

import type { User } from './user.schema';

/** The public view of a user: no hash, no outbox. */
export function toUserDto(user: User & { _id: Types.ObjectId }): UserDto {
  return {
    id: user._id.toHexString(),
    email: user.email,
    name: user.name,
    roles: [...user.roles],
    // Accounts stored before verification existed have no flag: not verified.
    emailVerified: user.emailVerified === true,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
