import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PLATFORM_ROLES, type PlatformRole } from '@keel/shared';
import { PaginationDto } from '../../../common/http/pagination.dto';
import { NormalizeEmail, Trim } from '../../../common/http/trim.decorator';

export class CreateStaffUserDto {
  @ApiProperty({ maxLength: 320, format: 'email' })
  @NormalizeEmail() @IsEmail() @MaxLength(320)
  email: string;

  @ApiProperty({ maxLength: 200 })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @ApiProperty({ enum: PLATFORM_ROLES })
  @IsIn(PLATFORM_ROLES)
  role: PlatformRole;
}

export class ChangeStaffRoleDto {
  @ApiProperty({ enum: PLATFORM_ROLES })
  @IsIn(PLATFORM_ROLES)
  role: PlatformRole;
}

export class StaffUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PLATFORM_ROLES }) role: PlatformRole;
  @ApiProperty({ enum: ['invited', 'active', 'disabled'] }) status: string;
  @ApiProperty() mfa_enabled: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_login_at: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

export class StaffUserListDto {
  @ApiProperty({ type: [StaffUserDto] }) items: StaffUserDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}
