import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

import { normalizeEmailValue } from './normalize-email';
import { IsPersonName } from './person-name';

/** `POST /auth/register`: a new customer account. */
export class RegisterDto {
  @ApiProperty({ example: 'reader@example.com', maxLength: 254 })
  @Transform(normalizeEmailValue)
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email!: string;

  @ApiProperty({ minLength: 8, maxLength: 128, example: 'correct horse battery' })
  @IsString()
  @Length(8, 128)
  password!: string;

  @ApiProperty({
    minLength: 1,
    maxLength: 100,
    example: 'Ada Reader',
    description:
      "A plain name (any script, ' ’ - . , and spaces): no web address, markup or control character",
  })
  @IsString()
  @Length(1, 100)
  @IsPersonName()
  name!: string;
}
