import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { PaginationDto } from '../../../common/http/pagination.dto';
import { Trim } from '../../../common/http/trim.decorator';
import { CLOUD_PROVIDERS, type CloudProvider } from '../cloud-account.entity';

export class CreateCloudAccountDto {
  @ApiProperty({ maxLength: 200, example: 'Production' })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @ApiProperty({ enum: CLOUD_PROVIDERS })
  @IsIn(CLOUD_PROVIDERS)
  provider: CloudProvider;

  /** The provider's account, subscription or project id. */
  @ApiProperty({ maxLength: 200, example: '123456789012' })
  @Trim() @IsString() @MaxLength(200) @Matches(/^[A-Za-z0-9._:/-]+$/, { message: 'external_id may hold letters, digits and . _ : / - only' })
  external_id: string;
}

export class UpdateCloudAccountDto {
  // May be left out, but null is validated (and refused) like any other value rather than reaching a NOT NULL column.
  @ApiPropertyOptional({ maxLength: 200 })
  @ValidateIf((_object, value) => value !== undefined) @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
  name?: string;
}

export class CloudAccountDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CLOUD_PROVIDERS }) provider: CloudProvider;
  @ApiProperty() external_id: string;
  @ApiProperty({ enum: ['pending', 'syncing', 'connected', 'error'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) sync_error: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_synced_at: string | null;
  @ApiProperty() cost_row_count: number;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

export class CloudAccountListDto {
  @ApiProperty({ type: [CloudAccountDto] }) items: CloudAccountDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}

export class SyncJobDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) account_id: string;
  @ApiProperty({ enum: ['queued', 'running', 'succeeded', 'failed'] }) status: string;
  @ApiProperty({ enum: ['manual', 'scheduled'] }) trigger: string;
  @ApiProperty() rows_written: number;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finished_at: string | null;
}
