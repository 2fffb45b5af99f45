import { ApiProperty } from '@nestjs/swagger';

/** A book as the public API returns it. */
export class BookDto {
  @ApiProperty({ example: '665f1c2e8b3a4d0012345678' })
  id!: string;

  @ApiProperty({ example: 'The Pragmatic Programmer' })
  title!: string;

  @ApiProperty({ example: 'Andrew Hunt, David Thomas' })
  author!: string;

  @ApiProperty({ example: '9780135957059', description: 'Normalised ISBN-13, digits only' })
  isbn!: string;

  @ApiProperty({ example: 'Your journey to mastery.' })
  description!: string;

  @ApiProperty({ type: [String], example: ['programming'] })
  genres!: string[];

  @ApiProperty({ example: 4299, description: 'Price in integer cents' })
  priceCents!: number;

  @ApiProperty({ example: 12, minimum: 0 })
  stock!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}
