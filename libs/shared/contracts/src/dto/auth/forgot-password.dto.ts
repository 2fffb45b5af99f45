import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength } from 'class-validator';

import { normalizeEmailValue } from './normalize-email';

/** `POST /auth/password/forgot`: the address to send a reset link to, if it has an account. */
export class ForgotPasswordDto {
  @ApiProperty({ example: 'reader@example.com', maxLength: 254 })
  @Transform(normalizeEmailValue)
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email!: string;
}
