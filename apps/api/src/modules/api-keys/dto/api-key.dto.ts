import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PLATFORM_ROLES, type PlatformRole } from '@keel/shared';
import { Trim } from '../../../common/http/trim.decorator';

export class CreateApiKeyDto {
  @ApiProperty({ maxLength: 100, example: 'Billing sync' })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(100)
  name: string;

  @ApiProperty({ enum: PLATFORM_ROLES })
  @IsIn(PLATFORM_ROLES)
  role: PlatformRole;

  /** When the key stops working; never when omitted. Must lie in the future. */
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional() @IsDateString({ strict: true })
  expires_at?: string | null;
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PLATFORM_ROLES }) role: PlatformRole;
  /** The key's first 12 characters. */
  @ApiProperty() prefix: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expires_at: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_used_at: string | null;
}

export class CreatedApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PLATFORM_ROLES }) role: PlatformRole;
  @ApiProperty() prefix: string;
  /** The secret (`keel_…`): shown in this answer only. */
  @ApiProperty() key: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expires_at: string | null;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyDto] }) items: ApiKeyDto[];
}
