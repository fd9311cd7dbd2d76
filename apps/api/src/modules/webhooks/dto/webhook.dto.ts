import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../../common/http/trim.decorator';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_PAYLOAD_FORMATS, type WebhookEventType, type WebhookPayloadFormat } from '../webhook.entities';

export class CreateWebhookDto {
  /** Where events are POSTed: http(s), not private or loopback (unless WEBHOOK_ALLOW_PRIVATE), never link-local or metadata. */
  @ApiProperty({ maxLength: 2048, example: 'https://hooks.example.com/keel' })
  @Trim() @IsString() @MaxLength(2048)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length) @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: `each event must be one of: ${WEBHOOK_EVENT_TYPES.join(', ')}` })
  events: WebhookEventType[];

  /** `keel` (default): every event as `{id, type, created_at, data}`. `ocsf`: `audit.entry` events as OCSF 1.3 API Activity (class 6003) events for a SIEM; other types keep Keel's shape. */
  @ApiPropertyOptional({ enum: WEBHOOK_PAYLOAD_FORMATS, default: 'keel' })
  @IsOptional() @IsIn(WEBHOOK_PAYLOAD_FORMATS, { message: `payload_format must be one of: ${WEBHOOK_PAYLOAD_FORMATS.join(', ')}` })
  payload_format?: WebhookPayloadFormat;
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) events: WebhookEventType[];
  @ApiProperty({ enum: WEBHOOK_PAYLOAD_FORMATS }) payload_format: WebhookPayloadFormat;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

export class CreatedWebhookDto extends WebhookDto {
  /** Signs every delivery (`Keel-Signature`); shown in this answer only. */
  @ApiProperty() secret: string;
}

export class WebhookListDto {
  @ApiProperty({ type: [WebhookDto] }) items: WebhookDto[];
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) event_id: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES }) event_type: string;
  @ApiProperty() attempt: number;
  @ApiProperty({ type: Number, nullable: true }) status_code: number | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty({ format: 'date-time' }) attempted_at: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) next_retry_at: string | null;
}

export class WebhookDeliveryListDto {
  @ApiProperty({ type: [WebhookDeliveryDto] }) items: WebhookDeliveryDto[];
}
