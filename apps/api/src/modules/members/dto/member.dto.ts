import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { TENANT_ROLES, type TenantRole } from '@keel/shared';
import { PaginationDto } from '../../../common/http/pagination.dto';
import { NormalizeEmail, Trim } from '../../../common/http/trim.decorator';

export class MemberDto {
  /** The user's id (a member's id is the user's id). */
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: TENANT_ROLES }) role: TenantRole;
  @ApiProperty({ enum: ['invited', 'active', 'disabled'] }) status: string;
  @ApiProperty() mfa_enabled: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_login_at: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

export class MemberListDto {
  @ApiProperty({ type: [MemberDto] }) items: MemberDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}

export class InviteMemberDto {
  @ApiProperty({ maxLength: 320, format: 'email' })
  @NormalizeEmail() @IsEmail() @MaxLength(320)
  email: string;

  /** Only owners may invite another owner. */
  @ApiProperty({ enum: TENANT_ROLES })
  @IsIn(TENANT_ROLES)
  role: TenantRole;

  /** Defaults to the part of the e-mail before the @. */
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
  name?: string;
}

export class ChangeMemberRoleDto {
  @ApiProperty({ enum: TENANT_ROLES })
  @IsIn(TENANT_ROLES)
  role: TenantRole;
}
