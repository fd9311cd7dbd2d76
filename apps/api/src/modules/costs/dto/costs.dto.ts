import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PaginationDto, PaginationQueryDto } from '../../../common/http/pagination.dto';
import { CLOUD_PROVIDERS, type CloudProvider } from '../../cloud-accounts/cloud-account.entity';

// A calendar day only: IsDateString alone also admits a date and time, which the range arithmetic cannot take.
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export class CostRangeQueryDto {
  /** First day (YYYY-MM-DD); defaults to 30 days before `to`. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional() @Matches(DAY_PATTERN, { message: 'from must be a date (YYYY-MM-DD)' }) @IsDateString({ strict: true }, { message: 'from must be a date (YYYY-MM-DD)' })
  from?: string;

  /** Last day (YYYY-MM-DD); defaults to today. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional() @Matches(DAY_PATTERN, { message: 'to must be a date (YYYY-MM-DD)' }) @IsDateString({ strict: true }, { message: 'to must be a date (YYYY-MM-DD)' })
  to?: string;
}

export class CostListQueryDto extends IntersectionType(PaginationQueryDto, CostRangeQueryDto) {
  @ApiPropertyOptional({ enum: CLOUD_PROVIDERS })
  @IsOptional() @IsIn(CLOUD_PROVIDERS)
  provider?: CloudProvider;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional() @IsString() @MaxLength(100)
  service?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  account_id?: string;
}

export class ProviderCostDto {
  @ApiProperty({ enum: CLOUD_PROVIDERS }) provider: CloudProvider;
  @ApiProperty() total_cost: number;
  @ApiProperty() row_count: number;
}

export class DailyCostDto {
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty() total_cost: number;
}

export class CostSummaryDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty() total_cost: number;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) latest_data_date: string | null;
  @ApiProperty() row_count: number;
  @ApiProperty({ type: [ProviderCostDto] }) by_provider: ProviderCostDto[];
  @ApiProperty({ type: [DailyCostDto], description: 'One point per day of the range, zeros included, oldest first' }) by_day: DailyCostDto[];
}

export class CostRowDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'uuid' }) account_id: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ enum: CLOUD_PROVIDERS }) provider: CloudProvider;
  @ApiProperty() service: string;
  @ApiProperty() amount: number;
  @ApiProperty() currency: string;
}

export class CostRowListDto {
  @ApiProperty({ type: [CostRowDto] }) items: CostRowDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}
