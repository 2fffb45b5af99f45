import { ApiProperty } from '@nestjs/swagger';

/** What login and refresh return: a short-lived access token and a single-use refresh token. */
export class TokenPairDto {
  @ApiProperty({ description: 'Signed JWT (RS256) for `Authorization: Bearer`' })
  accessToken!: string;

  @ApiProperty({ description: 'Opaque, single-use; exchange it at /auth/refresh for a new pair' })
  refreshToken!: string;

  @ApiProperty({ enum: ['Bearer'], example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 })
  expiresIn!: number;

  @ApiProperty({ description: 'Seconds until the refresh token expires', example: 604800 })
  refreshExpiresIn!: number;
}
