import { ApiProperty } from '@nestjs/swagger';

import { Role } from '../../auth/role';

/** A user as the API shows it; never carries the password hash. */
export class UserDto {
  @ApiProperty({ example: '665f1c7a52c1e4b8e9f512f0' })
  id!: string;

  @ApiProperty({ example: 'reader@example.com' })
  email!: string;

  @ApiProperty({ example: 'Ada Reader' })
  name!: string;

  @ApiProperty({ enum: Role, isArray: true, example: [Role.Customer] })
  roles!: Role[];

  @ApiProperty({ description: 'Whether the owner proved the address (verification link or password reset)' })
  emailVerified!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}
