import { ApiProperty } from '@nestjs/swagger';

/** The one error shape of the public API (shared/API.md). */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'Bad Request' })
  error!: string;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: 'email must be an email',
  })
  message!: string | string[];

  @ApiProperty({ example: '6f1c7a52-5c1e-4b8e-9f51-2f0c1b6a9d10' })
  correlationId!: string;

  @ApiProperty({ required: false, example: 'ORDER.NOT_CANCELLABLE' })
  code?: string;
}
