import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PaginationDto } from '../../../common/http/pagination.dto';
import { IsCents } from '../../../common/http/cents.decorator';
import { Trim } from '../../../common/http/trim.decorator';
import { BUDGET_PERIODS, type BudgetPeriod } from '../budget.entity';

export class CreateBudgetDto {
  @ApiProperty({ maxLength: 200 })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @ApiProperty({ minimum: 0.01, maximum: 1e12 })
  @IsCents() @Min(0.01) @Max(1e12)
  amount: number;

  // Left out, it is USD; null is refused rather than stored.
  @ApiPropertyOptional({ default: 'USD', pattern: '^[A-Z]{3}$' })
  @ValidateIf((_object, value) => value !== undefined) @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  currency?: string;

  @ApiProperty({ enum: BUDGET_PERIODS })
  @IsIn(BUDGET_PERIODS)
  period: BudgetPeriod;

  /** Limit the budget to one cloud account (it is deleted with the account). */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  account_id?: string;
}

// Any field may be left out, but only account_id may be null (the budget then covers the whole org): a null
// anywhere else is refused by validation instead of reaching a NOT NULL column.
export class UpdateBudgetDto extends PartialType(OmitType(CreateBudgetDto, ['account_id'] as const), { skipNullProperties: false }) {
  /** One of the org's cloud accounts, or null for the whole org. */
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional() @IsUUID()
  account_id?: string | null;
}

export class BudgetDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() amount: number;
  @ApiProperty() currency: string;
  @ApiProperty({ enum: BUDGET_PERIODS }) period: BudgetPeriod;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) account_id: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

export class BudgetListDto {
  @ApiProperty({ type: [BudgetDto] }) items: BudgetDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}
