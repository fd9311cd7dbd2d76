import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NoApiKeys, PlatformAccess } from '../../common/decorators/access.decorator';
import { OutboxDto } from './dto/outbox.dto';
import { MailService } from './mail.service';

const OUTBOX_SIZE = 100;

/** Demo mode only: the mail that would have been sent, newest first. */
@ApiTags('platform-dev')
@Controller('platform/dev/outbox')
export class OutboxController {
  constructor(private readonly mail: MailService) {}

  @Get()
  @PlatformAccess('super_admin')
  @NoApiKeys()
  @ApiOperation({ operationId: 'listOutbox', summary: 'Mail kept in the demo outbox (demo mode only)' })
  @ApiOkResponse({ type: OutboxDto })
  async listOutbox(): Promise<OutboxDto> {
    const messages = await this.mail.recent(OUTBOX_SIZE);
    return {
      items: messages.map((message) => ({
        id: message.id,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        status: message.status,
        created_at: message.createdAt.toISOString(),
      })),
    };
  }
}
