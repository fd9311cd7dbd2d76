import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { ORG_PLANS, ORG_STATUSES } from '@keel/shared';
import { Trim } from '../../../common/http/trim.decorator';

export class OrgDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty({ enum: ORG_PLANS }) plan: string;
  @ApiProperty({ enum: ORG_STATUSES }) status: string;
  @ApiProperty() require_2fa: boolean;
  @ApiProperty() allow_platform_impersonation: boolean;
  @ApiProperty() user_count: number;
  @ApiProperty() account_count: number;
  @ApiProperty({ description: 'Cloud accounts in the error state' }) error_count: number;
  @ApiProperty() cost_row_count: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_sync_at: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

// Fields may be left out, but null is not "unchanged": it is validated (and refused) like any other value.
const UnlessOmitted = () => ValidateIf((_object, value) => value !== undefined);

export class UpdateOrgSettingsDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @UnlessOmitted() @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
  name?: string;

  /** Owner only: every member must enroll TOTP at their next sign-in. */
  @ApiPropertyOptional()
  @UnlessOmitted() @IsBoolean()
  require_2fa?: boolean;

  /** Owner only: whether platform staff may open support sessions in this org. */
  @ApiPropertyOptional()
  @UnlessOmitted() @IsBoolean()
  allow_platform_impersonation?: boolean;
}

export class TransferOwnershipDto {
  /** The member who becomes an owner; the caller becomes an admin. */
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  user_id: string;
}
