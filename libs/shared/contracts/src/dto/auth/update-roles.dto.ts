import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsEnum, IsString, Length } from 'class-validator';

import { Role } from '../../auth/role';

/** `PATCH /auth/users/:id/roles`: the user's complete new set of roles. */
export class UpdateRolesDto {
  @ApiProperty({ enum: Role, isArray: true, example: [Role.Customer, Role.Admin] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(Object.values(Role).length)
  @ArrayUnique()
  @IsEnum(Role, { each: true })
  roles!: Role[];
}

/** RPC payload of `auth.users.update-roles`: the target user (any string; malformed ids are 404). */
export class UpdateUserRolesPayload extends UpdateRolesDto {
  @ApiProperty()
  @IsString()
  @Length(1, 64)
  userId!: string;
}
