import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** `POST /auth/email/verify`: the token from the verification e-mail. */
export class VerifyEmailDto {
  @ApiProperty({ description: 'Single-use token from the verification e-mail', minLength: 1, maxLength: 256 })
  @IsString()
  @Length(1, 256)
  token!: string;
}
