import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsISO8601, IsNumber, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export const MAX_EVENTS_PER_BATCH = 5_000;

export class ApiCallEventDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  org_id: string;

  /** When the call was answered (ISO 8601). */
  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  ts: string;

  @ApiProperty({ maxLength: 10, example: 'GET' })
  @IsString() @MaxLength(10)
  method: string;

  @ApiProperty({ maxLength: 2048 })
  @IsString() @MaxLength(2048)
  path: string;

  @ApiProperty({ minimum: 100, maximum: 599 })
  @IsInt() @Min(100) @Max(599)
  status: number;

  @ApiProperty({ minimum: 0 })
  @IsNumber() @Min(0) @Max(86_400_000)
  duration_ms: number;
}

export class ApiCallBatchDto {
  @ApiProperty({ type: [ApiCallEventDto], maxItems: MAX_EVENTS_PER_BATCH })
  @IsArray() @ArrayMaxSize(MAX_EVENTS_PER_BATCH, { message: `A batch holds at most ${MAX_EVENTS_PER_BATCH} events` }) @ValidateNested({ each: true }) @Type(() => ApiCallEventDto)
  events: ApiCallEventDto[];
}

export class IngestResultDto {
  /** Events counted: those of known orgs, from the last 8 days up to now. */
  @ApiProperty() accepted: number;
}
