import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ORG_PLANS, ORG_STATUSES, type OrgPlan, type OrgStatus } from '@keel/shared';
import { PaginationDto, PaginationQueryDto } from '../../../common/http/pagination.dto';
import { NormalizeEmail, Trim } from '../../../common/http/trim.decorator';
import { SLUG_PATTERN } from '../../signup/dto/signup.dto';

export const ORG_SORT_FIELDS = ['name', 'slug', 'plan', 'status', 'user_count', 'account_count', 'error_count', 'last_sync_at', 'created_at'] as const;
const SORT_VALUES = ORG_SORT_FIELDS.flatMap((field) => [field, `-${field}`]);

export class OrgListQueryDto extends PaginationQueryDto {
  /** Part of the name or slug, or an exact id. */
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional() @Trim() @IsString() @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ enum: ORG_STATUSES })
  @IsOptional() @IsIn(ORG_STATUSES)
  status?: OrgStatus;

  @ApiPropertyOptional({ enum: ORG_PLANS })
  @IsOptional() @IsIn(ORG_PLANS)
  plan?: OrgPlan;

  /** A listed column; a leading `-` sorts descending (default `-created_at`). */
  @ApiPropertyOptional({ enum: SORT_VALUES })
  @IsOptional() @IsIn(SORT_VALUES)
  sort?: string;
}

export class OrgRowDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty({ enum: ORG_PLANS }) plan: OrgPlan;
  @ApiProperty({ enum: ORG_STATUSES }) status: OrgStatus;
  @ApiProperty() user_count: number;
  @ApiProperty() account_count: number;
  @ApiProperty() error_count: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_sync_at: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

export class OrgListDto {
  @ApiProperty({ type: [OrgRowDto] }) items: OrgRowDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}

export class PlatformStatsDto {
  @ApiProperty() total_organizations: number;
  @ApiProperty() total_users: number;
  @ApiProperty() total_cloud_accounts: number;
  @ApiProperty() total_cost_rows: number;
  @ApiProperty({ description: 'Cloud accounts in the error state' }) sync_errors: number;
  @ApiProperty() new_orgs_30d: number;
}

export class GrowthQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 104, default: 12 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(104)
  weeks?: number;
}

export class GrowthPointDto {
  @ApiProperty({ format: 'date' }) week_start: string;
  @ApiProperty() new_orgs: number;
}

export class GrowthDto {
  @ApiProperty({ type: [GrowthPointDto] }) items: GrowthPointDto[];
}

export class CreateOrgDto {
  @ApiProperty({ maxLength: 200 })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @ApiProperty({ pattern: SLUG_PATTERN.source })
  @Trim() @IsString() @Matches(SLUG_PATTERN, { message: 'slug must be 3–63 lower-case letters, digits or hyphens, not starting or ending with a hyphen' })
  slug: string;

  @ApiProperty({ enum: ORG_PLANS })
  @IsIn(ORG_PLANS)
  plan: OrgPlan;

  @ApiProperty({ format: 'email', maxLength: 320 })
  @NormalizeEmail() @IsEmail() @MaxLength(320)
  owner_email: string;
}

export class ChangePlanDto {
  @ApiProperty({ enum: ORG_PLANS })
  @IsIn(ORG_PLANS)
  plan: OrgPlan;
}

export class RequireTwoFactorDto {
  @ApiProperty()
  @IsBoolean()
  required: boolean;
}

export class ReasonDto {
  @ApiProperty({ minLength: 3, maxLength: 500 })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(500)
  reason: string;
}

export class ContactOrgDto {
  @ApiProperty({ maxLength: 200 })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
  subject: string;

  @ApiProperty({ maxLength: 10_000 })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(10_000)
  message: string;
}

export class ContactResultDto {
  /** How many owners and admins were e-mailed. */
  @ApiProperty() recipients: number;
}

export class DeleteOrgDto {
  /** Must equal the org's slug (also accepted as the `confirmation` query parameter). */
  @ApiPropertyOptional()
  @IsOptional() @IsString() @MaxLength(63)
  confirmation?: string;
}

export class DeletionScheduledDto {
  @ApiProperty({ format: 'date-time' }) deletion_scheduled_at: string;
}

export class OrgUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty() role: string;
  @ApiProperty() mfa_enabled: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_login_at: string | null;
}

export class OrgAccountDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() provider: string;
  @ApiProperty() status: string;
  @ApiProperty({ type: String, nullable: true }) sync_error: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_synced_at: string | null;
}

export class ProviderTotalDto {
  @ApiProperty() provider: string;
  @ApiProperty() total_cost: number;
  @ApiProperty() row_count: number;
}

export class OrgCostSummaryDto {
  @ApiProperty() total_cost: number;
  @ApiProperty() currency: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) latest_data_date: string | null;
  @ApiProperty() row_count: number;
  @ApiProperty({ type: [ProviderTotalDto] }) by_provider: ProviderTotalDto[];
}

export class OrgDetailDto extends OrgRowDto {
  @ApiProperty() require_2fa: boolean;
  @ApiProperty() allow_platform_impersonation: boolean;
  @ApiProperty() cost_row_count: number;
  @ApiProperty({ type: String, nullable: true }) status_reason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletion_scheduled_at: string | null;
  /** The first 200 users, oldest first. */
  @ApiProperty({ type: [OrgUserDto] }) users: OrgUserDto[];
  @ApiProperty({ type: [OrgAccountDto] }) cloud_accounts: OrgAccountDto[];
  @ApiProperty({ type: OrgCostSummaryDto }) cost_summary: OrgCostSummaryDto;
}

export class SyncHealthRowDto {
  @ApiProperty({ format: 'uuid' }) account_id: string;
  @ApiProperty() account_name: string;
  @ApiProperty() provider: string;
  @ApiProperty() external_id: string;
  @ApiProperty() status: string;
  @ApiProperty({ type: String, nullable: true }) sync_error: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_synced_at: string | null;
  @ApiProperty({ format: 'uuid' }) org_id: string;
  @ApiProperty() org_name: string;
}

export class SyncHealthDto {
  @ApiProperty({ type: [SyncHealthRowDto] }) items: SyncHealthRowDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}

export class UsageRowDto {
  @ApiProperty({ format: 'uuid' }) org_id: string;
  @ApiProperty() org_name: string;
  @ApiProperty() syncs_30d: number;
  @ApiProperty({ description: 'Tenant API calls in the last 30 days' }) actions_30d: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_activity_at: string | null;
  @ApiProperty() cost_rows: number;
  @ApiProperty({ enum: ORG_PLANS }) plan: OrgPlan;
}

export class UsageDto {
  @ApiProperty({ type: [UsageRowDto] }) items: UsageRowDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}

export class SearchQueryDto {
  @ApiProperty({ minLength: 2, maxLength: 200 })
  @Trim() @IsString() @MinLength(2) @MaxLength(200)
  q: string;
}

export class SearchOrgHitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty({ enum: ORG_STATUSES }) status: OrgStatus;
}

export class SearchUserHitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty() role: string;
  @ApiProperty({ format: 'uuid' }) org_id: string;
  @ApiProperty() org_name: string;
}

export class SearchAccountHitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() provider: string;
  @ApiProperty() external_id: string;
  @ApiProperty({ format: 'uuid' }) org_id: string;
  @ApiProperty() org_name: string;
}

export class SearchResultDto {
  @ApiProperty({ type: [SearchOrgHitDto] }) orgs: SearchOrgHitDto[];
  @ApiProperty({ type: [SearchUserHitDto] }) users: SearchUserHitDto[];
  @ApiProperty({ type: [SearchAccountHitDto] }) cloud_accounts: SearchAccountHitDto[];
}
