import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PaginationDto, PaginationQueryDto } from '../../../common/http/pagination.dto';
import { Trim } from '../../../common/http/trim.decorator';
import { SUPPORT_END_REASONS, SUPPORT_SCOPES, SUPPORT_SESSION_STATUSES, type SupportEndReason, type SupportScope, type SupportSessionStatus } from '../support-session.entity';

export const MIN_REASON_LENGTH = 10;
export const DEFAULT_TTL_MINUTES = 15;
export const MAX_TTL_MINUTES = 60;

/** Why, with which ticket, and the staff member's step-up code: common to both ways of starting a session. */
export class SupportSessionJustificationDto {
  /** Why staff need access, shown to the org's owners (at least 10 characters). */
  @ApiProperty({ minLength: MIN_REASON_LENGTH, maxLength: 500 })
  @Trim() @IsString() @MinLength(MIN_REASON_LENGTH, { message: `reason must be at least ${MIN_REASON_LENGTH} characters: say why access is needed` }) @MaxLength(500)
  reason: string;

  @ApiPropertyOptional({ maxLength: 128 })
  @IsOptional() @Trim() @IsString() @MaxLength(128)
  ticket_ref?: string;

  /** The staff member's current TOTP code; not needed within 5 minutes of passing MFA. */
  @ApiPropertyOptional({ pattern: '^\\d{6}$' })
  @IsOptional() @IsString() @Matches(/^\d{6}$/, { message: 'totp_code must be the 6 digits of your authenticator app' })
  totp_code?: string;
}

export class CreateSupportSessionDto extends SupportSessionJustificationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  org_id: string;

  /** The user to act as; the org's first owner when omitted. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  target_user_id?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_TTL_MINUTES, default: DEFAULT_TTL_MINUTES })
  @IsOptional() @IsInt() @Min(1) @Max(MAX_TTL_MINUTES)
  ttl_minutes?: number;

  /** `["read_only"]` (default) or `["read_write"]` (super_admin only). */
  @ApiPropertyOptional({ enum: SUPPORT_SCOPES, isArray: true, default: ['read_only'] })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1) @IsIn(SUPPORT_SCOPES, { each: true })
  scopes?: SupportScope[];
}

export class ImpersonateUserDto extends SupportSessionJustificationDto {}

export class RevokeSupportSessionDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional() @Trim() @IsString() @MaxLength(500)
  reason?: string;
}

export class SupportSessionListQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: SUPPORT_SESSION_STATUSES })
  @IsOptional() @IsIn(SUPPORT_SESSION_STATUSES)
  status?: SupportSessionStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  org_id?: string;
}

export class AccessLogQueryDto extends PaginationQueryDto {}

export class SupportSessionCreatedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  /** The tenant-audience token to act with; shown once. */
  @ApiProperty() token: string;
  @ApiProperty({ format: 'date-time' }) expires_at: string;
  @ApiProperty({ enum: SUPPORT_SCOPES, isArray: true }) scopes: SupportScope[];
  @ApiProperty({ format: 'uuid' }) org_id: string;
  @ApiProperty({ format: 'uuid' }) target_user_id: string;
}

export class SupportSessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SUPPORT_SESSION_STATUSES }) status: SupportSessionStatus;
  @ApiProperty({ format: 'uuid' }) org_id: string;
  @ApiProperty() org_name: string;
  @ApiProperty({ format: 'uuid' }) target_user_id: string;
  @ApiProperty() target_user_email: string;
  @ApiProperty({ format: 'uuid' }) platform_user_id: string;
  @ApiProperty() platform_user_email: string;
  @ApiProperty({ enum: SUPPORT_SCOPES, isArray: true }) scopes: SupportScope[];
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, nullable: true }) ticket_ref: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) expires_at: string;
  /** When it was revoked, ended or closed as expired. */
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) ended_at: string | null;
  @ApiProperty({ enum: SUPPORT_END_REASONS, nullable: true }) end_reason: SupportEndReason | null;
  @ApiProperty({ type: String, nullable: true }) revoke_reason: string | null;
  @ApiProperty() request_count: number;
}

export class SupportSessionStatsDto {
  @ApiProperty() active: number;
  @ApiProperty() revoked: number;
  @ApiProperty() expired: number;
}

export class SupportSessionListDto {
  @ApiProperty({ type: [SupportSessionDto] }) items: SupportSessionDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
  /** Over every session (or every session of `org_id`), not just this page. */
  @ApiProperty({ type: SupportSessionStatsDto }) stats: SupportSessionStatsDto;
}

export class AccessLogEntryDto {
  @ApiProperty() id: string;
  @ApiProperty() method: string;
  @ApiProperty() path: string;
  @ApiProperty() status: number;
  @ApiProperty({ type: String, nullable: true }) request_id: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

export class AccessLogPageDto {
  @ApiProperty({ type: [AccessLogEntryDto] }) items: AccessLogEntryDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}

export class SupportSessionDetailDto extends SupportSessionDto {
  /** Every request made with the session's token, newest first (paged with `page`/`limit`). */
  @ApiProperty({ type: AccessLogPageDto }) access_logs: AccessLogPageDto;
}

