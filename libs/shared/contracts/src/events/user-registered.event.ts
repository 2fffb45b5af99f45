import { IsEmail, IsMongoId, IsString } from 'class-validator';

import { EventDoc } from './event-doc.decorator';

export const USER_REGISTERED = 'user.registered.v1' as const;

@EventDoc({
  summary: 'An account was created.',
  producer: 'auth',
  consumers: ['notifications'],
})
export class UserRegisteredPayload {
  @IsMongoId()
  userId!: string;

  @IsEmail()
  email!: string;

  @IsString()
  name!: string;
}
