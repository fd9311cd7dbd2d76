import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ORG_STATUSES, type OrgStatus } from '@keel/shared';
import { PaginationDto, PaginationQueryDto } from '../../../common/http/pagination.dto';
import { Trim } from '../../../common/http/trim.decorator';

export const HEALTH_CLASSES = ['healthy', 'warning', 'critical', 'unknown'] as const;
export const HEALTH_SORT_FIELDS = ['name', 'health', 'api_calls_24h', 'error_rate', 'last_seen_at'] as const;

export class TenantHealthQueryDto extends PaginationQueryDto {
  /** Part of the org's name, or its exact id. */
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional() @Trim() @IsString() @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ enum: HEALTH_CLASSES })
  @IsOptional() @IsIn(HEALTH_CLASSES)
  health?: (typeof HEALTH_CLASSES)[number];

  @ApiPropertyOptional({ enum: ORG_STATUSES })
  @IsOptional() @IsIn(ORG_STATUSES)
  status?: OrgStatus;

  /** A column; a leading `-` sorts descending (default: the worst health first). */
  @ApiPropertyOptional({ enum: HEALTH_SORT_FIELDS.flatMap((field) => [field, `-${field}`]) })
  @IsOptional() @IsIn(HEALTH_SORT_FIELDS.flatMap((field) => [field, `-${field}`]))
  sort?: string;
}

export class FleetHealthDto {
  @ApiProperty() total: number;
  @ApiProperty() healthy: number;
  @ApiProperty() warning: number;
  @ApiProperty() critical: number;
  @ApiProperty() unknown: number;
}

export class TenantHealthRowDto {
  @ApiProperty({ format: 'uuid' }) org_id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORG_STATUSES }) status: OrgStatus;
  @ApiProperty({ enum: HEALTH_CLASSES }) health: string;
  @ApiProperty() api_calls_24h: number;
  /** Percent, two decimals (12.5 = 12.5%); null without calls. */
  @ApiProperty({ type: Number, nullable: true }) error_rate: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_seen_at: string | null;
  /** Which rule decided the class. */
  @ApiProperty() reason: string;
}

export class TenantHealthListDto {
  @ApiProperty({ type: FleetHealthDto }) stats: FleetHealthDto;
  @ApiProperty({ type: [TenantHealthRowDto] }) items: TenantHealthRowDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}

export class HourlyPointDto {
  @ApiProperty({ format: 'date-time' }) hour: string;
  @ApiProperty() calls: number;
  @ApiProperty() errors: number;
}

export class TenantHealthDetailDto extends TenantHealthRowDto {
  @ApiProperty() errors_24h: number;
  @ApiProperty({ description: 'Mean calls per day over the 7 days before the last 24 h' }) baseline_calls_per_day: number;
  @ApiProperty({ type: [HourlyPointDto], description: '48 points, oldest first; the last is the current hour' }) hourly: HourlyPointDto[];
}

export class ForceLogoutResultDto {
  @ApiProperty() revoked_sessions: number;
}
