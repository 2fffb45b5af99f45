import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One public key (RFC 7517). */
export class JwkDto {
  @ApiProperty({ example: 'RSA' })
  kty!: string;

  @ApiProperty({ description: 'Key id, matched against the `kid` header of a token' })
  kid!: string;

  @ApiProperty({ example: 'RS256' })
  alg!: string;

  @ApiProperty({ example: 'sig' })
  use!: string;

  @ApiPropertyOptional({ description: 'RSA modulus (base64url)' })
  n?: string;

  @ApiPropertyOptional({ description: 'RSA exponent (base64url)', example: 'AQAB' })
  e?: string;
}

/** `GET /auth/.well-known/jwks.json`: every public key that currently verifies access tokens. */
export class JwksDto {
  @ApiProperty({ type: [JwkDto] })
  keys!: JwkDto[];
}
