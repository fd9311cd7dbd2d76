import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NoIdempotency, PlatformAccess } from '../../common/decorators/access.decorator';
import { Audit } from '../../common/decorators/audit.decorator';
import { CurrentPrincipal, type Principal } from '../../common/decorators/principal.decorator';
import { EmptyBodyDto } from '../../common/http/empty-body.dto';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { CreatedWebhookDto, CreateWebhookDto, WebhookDeliveryListDto, WebhookListDto } from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@Controller('platform/webhooks')
@PlatformAccess('super_admin')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @NoIdempotency()
  @Audit('platform.webhook_created')
  @ApiOperation({ operationId: 'createWebhook', summary: 'Subscribe a URL to events; the signing secret is in this answer only' })
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateWebhookDto): Promise<CreatedWebhookDto> {
    return this.webhooks.create(principal, body);
  }

  @Get()
  @ApiOperation({ operationId: 'listWebhooks', summary: 'Webhooks, newest first (never their secrets)' })
  @ApiOkResponse({ type: WebhookListDto })
  list(): Promise<WebhookListDto> {
    return this.webhooks.list();
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Audit('platform.webhook_deleted')
  @ApiOperation({ operationId: 'deleteWebhook', summary: 'Stop sending events to a webhook' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.webhooks.remove(id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ operationId: 'listWebhookDeliveries', summary: 'The latest delivery attempts of a webhook, newest first' })
  @ApiOkResponse({ type: WebhookDeliveryListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  deliveries(@Param('id', ParseUUIDPipe) id: string): Promise<WebhookDeliveryListDto> {
    return this.webhooks.deliveries(id);
  }

  @Post(':id/events/:eventId/redeliver')
  @HttpCode(HttpStatus.ACCEPTED)
  @Audit('platform.webhook_redelivered')
  @ApiOperation({ operationId: 'redeliverWebhookEvent', summary: 'Send an event to this webhook once more' })
  @ApiAcceptedResponse({ description: 'Queued' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async redeliver(@Param('id', ParseUUIDPipe) id: string, @Param('eventId', ParseUUIDPipe) eventId: string, @Body() _body: EmptyBodyDto): Promise<void> {
    await this.webhooks.redeliver(id, eventId);
  }
}
