import { ApiProperty } from '@nestjs/swagger';

export class OutboxMessageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() to: string;
  @ApiProperty() subject: string;
  @ApiProperty() text: string;
  @ApiProperty() html: string;
  @ApiProperty({ enum: ['outbox', 'queued', 'sent', 'failed'] }) status: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

export class OutboxDto {
  @ApiProperty({ type: [OutboxMessageDto] }) items: OutboxMessageDto[];
}
