import { IsString, MaxLength } from 'class-validator';

/**
 * RPC payload naming one order. The id is only a string here: a malformed one must answer 404,
 * which the service decides, not a validation 400.
 */
export class OrderIdCommand {
  @IsString()
  @MaxLength(64)
  id!: string;
}
