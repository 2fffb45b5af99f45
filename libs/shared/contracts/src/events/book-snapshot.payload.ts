import { IsInt, IsMongoId, IsString, Min } from 'class-validator';

/** The state of a book after a change, as book events carry it. */
export class BookSnapshotPayload {
  @IsMongoId()
  bookId!: string;

  @IsString()
  title!: string;

  @IsString()
  author!: string;

  @IsString()
  isbn!: string;

  @IsInt()
  @Min(0)
  priceCents!: number;

  @IsInt()
  @Min(0)
  stock!: number;
}
