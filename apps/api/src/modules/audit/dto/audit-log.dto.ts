import type { AuditKeySet } from '../audit-checkpoint';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PaginationDto, PaginationQueryDto } from '../../../common/http/pagination.dto';
import { Trim } from '../../../common/http/trim.decorator';

export class OrgAuditLogQueryDto extends PaginationQueryDto {
  /** Exact action name, e.g. `platform.org_disabled`. */
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional() @Trim() @IsString() @Matches(/^[a-z0-9_]+\.[a-z0-9_.]+$/, { message: 'action must look like platform.org_disabled' }) @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  actor_id?: string;

  /** Entries at or after this instant (ISO 8601). */
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional() @Type(() => Date) @IsDate({ message: 'from must be an ISO 8601 date-time' })
  from?: Date;

  /** Entries before this instant (ISO 8601). */
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional() @Type(() => Date) @IsDate({ message: 'to must be an ISO 8601 date-time' })
  to?: Date;

  /** `next_cursor` of the previous page: deep pages cost the same as the first. */
  @ApiPropertyOptional()
  @IsOptional() @IsString() @Matches(/^[0-9]{1,19}$/, { message: 'cursor must be a next_cursor value from a previous page' })
  cursor?: string;

  /** `csv` streams every matching entry (filters apply, paging does not). */
  @ApiPropertyOptional({ enum: ['json', 'csv'] })
  @IsOptional() @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class PlatformAuditLogQueryDto extends OrgAuditLogQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  org_id?: string;
}

export class AuditActorDto {
  @ApiProperty({ enum: ['platform_user', 'user', 'platform_admin_impersonating', 'api_key', 'system'] }) type: string;
  @ApiProperty({ type: String, nullable: true }) id: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
}

export class AuditTargetDto {
  @ApiProperty() type: string;
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
}

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Position in this log, increasing' }) seq: number;
  @ApiProperty() action: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ type: AuditActorDto }) actor: AuditActorDto;
  @ApiProperty({ type: AuditTargetDto, nullable: true }) target: AuditTargetDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) org_id: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) impersonation_id: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) metadata: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) ip_address: string | null;
  @ApiProperty({ type: String, nullable: true }) user_agent: string | null;
  @ApiProperty({ type: String, nullable: true }) request_id: string | null;
}

export class AuditPaginationDto extends PaginationDto {
  /** True when `total` is an estimate (counting would be slow). */
  @ApiProperty() total_estimated: boolean;
}

export class AuditLogPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) entries: AuditEntryDto[];
  @ApiProperty({ type: AuditPaginationDto }) pagination: AuditPaginationDto;
}

export class AuditVerificationDto {
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'Sealed entries whose links were recomputed' }) checked: number;
  @ApiProperty({ description: 'Committed entries the sealer has not linked yet (seconds old)' }) unsealed: number;
  @ApiProperty({ type: String, nullable: true }) first_broken_id: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Chain index of the retention anchor verification started after (vouched for by a signed checkpoint); null: from the start of the chain' })
  anchor_index: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Chain index of the newest signed checkpoint the recomputed chain matched: entries up to it are proven by the signature' })
  signed_through: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Chain index of the first checkpoint whose signature does not hold, or that the chain contradicts or no longer reaches' })
  first_broken_checkpoint: number | null;
}

export class AuditKeySetDto {
  @ApiProperty({ description: 'Ed25519 public keys as JWKs (kty OKP, crv Ed25519, kid = RFC 7638 thumbprint): the current key first, then previous ones', type: 'array', items: { type: 'object', additionalProperties: true } })
  keys: AuditKeySet['keys'];
}
