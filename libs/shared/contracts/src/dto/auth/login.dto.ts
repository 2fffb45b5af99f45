import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

import { normalizeEmailValue } from './normalize-email';

/** `POST /auth/login`. */
export class LoginDto {
  @ApiProperty({ example: 'reader@example.com', maxLength: 254 })
  @Transform(normalizeEmailValue)
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email!: string;

  @ApiProperty({ minLength: 1, maxLength: 128 })
  @IsString()
  @Length(1, 128)
  password!: string;
}
