import { IsEmail, IsMongoId, IsString } from 'class-validator';

export const USER_REGISTERED = 'user.registered.v1' as const;

export class UserRegisteredPayload {
  @IsMongoId()
  userId!: string;

  @IsEmail()
  email!: string;

  @IsString()
  name!: string;
}
