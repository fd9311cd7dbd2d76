import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PaginationDto } from '../../../common/http/pagination.dto';
import { IsCents } from '../../../common/http/cents.decorator';
import { Trim } from '../../../common/http/trim.decorator';
import { ALERT_METRICS, type AlertMetric } from '../alert-rule.entity';

export class CreateAlertRuleDto {
  @ApiProperty({ maxLength: 200 })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ALERT_METRICS })
  @IsIn(ALERT_METRICS)
  metric: AlertMetric;

  /** Amount (cost metrics) or percent (budget_percent, anomaly deviation). */
  @ApiProperty({ minimum: 0, maximum: 1e12 })
  @IsCents() @Min(0) @Max(1e12)
  threshold: number;

  @ApiPropertyOptional({ default: true })
  @ValidateIf((_object, value) => value !== undefined) @IsBoolean()
  enabled?: boolean;

  /** Watch one cloud account only (the rule is deleted with the account). */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  account_id?: string;
}

// Any field may be left out, but only account_id may be null (the rule then covers the whole org): a null
// anywhere else is refused by validation instead of reaching a NOT NULL column.
export class UpdateAlertRuleDto extends PartialType(OmitType(CreateAlertRuleDto, ['account_id'] as const), { skipNullProperties: false }) {
  /** One of the org's cloud accounts, or null for the whole org. */
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional() @IsUUID()
  account_id?: string | null;
}

export class AlertRuleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ALERT_METRICS }) metric: AlertMetric;
  @ApiProperty() threshold: number;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) account_id: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

export class AlertRuleListDto {
  @ApiProperty({ type: [AlertRuleDto] }) items: AlertRuleDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}
