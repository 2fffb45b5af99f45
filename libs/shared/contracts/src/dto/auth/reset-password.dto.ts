import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** `POST /auth/password/reset`: the token from the reset e-mail and the new password. */
export class ResetPasswordDto {
  @ApiProperty({ description: 'Single-use token from the reset e-mail', minLength: 1, maxLength: 256 })
  @IsString()
  @Length(1, 256)
  token!: string;

  /** The same rule as at registration. */
  @ApiProperty({ minLength: 8, maxLength: 128, example: 'correct horse battery' })
  @IsString()
  @Length(8, 128)
  password!: string;
}
