import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** `POST /auth/refresh` and `POST /auth/logout`: the opaque refresh token of a session. */
export class RefreshTokenDto {
  @ApiProperty({ description: 'Opaque refresh token from login or refresh', minLength: 1, maxLength: 256 })
  @IsString()
  @Length(1, 256)
  refreshToken!: string;
}
