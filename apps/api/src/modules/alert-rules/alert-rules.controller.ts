import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SupportSessionMay, TenantAccess } from '../../common/decorators/access.decorator';
import { Audit } from '../../common/decorators/audit.decorator';
import { CurrentPrincipal, type Principal } from '../../common/decorators/principal.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { PaginationQueryDto } from '../../common/http/pagination.dto';
import { AlertRulesService } from './alert-rules.service';
import { AlertRuleDto, AlertRuleListDto, CreateAlertRuleDto, UpdateAlertRuleDto } from './dto/alert-rule.dto';

const WRITERS = ['owner', 'admin', 'operator'] as const;

@ApiTags('alert-rules')
@Controller('alert-rules')
export class AlertRulesController {
  constructor(private readonly rules: AlertRulesService) {}

  @Get()
  @TenantAccess()
  @ApiOperation({ operationId: 'listAlertRules', summary: "The org's alert rules" })
  @ApiOkResponse({ type: AlertRuleListDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: PaginationQueryDto): Promise<AlertRuleListDto> {
    return this.rules.list(principal.orgId!, query);
  }

  @Get(':id')
  @TenantAccess()
  @ApiOperation({ operationId: 'getAlertRule', summary: 'One alert rule' })
  @ApiOkResponse({ type: AlertRuleDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<AlertRuleDto> {
    return this.rules.get(principal.orgId!, id);
  }

  @Post()
  @TenantAccess(...WRITERS)
  @Audit('alert_rule.created')
  @SupportSessionMay('read_write')
  @ApiOperation({ operationId: 'createAlertRule', summary: 'Create an alert rule' })
  @ApiCreatedResponse({ type: AlertRuleDto })
  @ApiNotFoundResponse({ description: 'account_id names no cloud account of the org', type: ErrorResponseDto })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateAlertRuleDto): Promise<AlertRuleDto> {
    return this.rules.create(principal.orgId!, body);
  }

  @Patch(':id')
  @TenantAccess(...WRITERS)
  @Audit('alert_rule.updated')
  @SupportSessionMay('read_write')
  @ApiOperation({ operationId: 'updateAlertRule', summary: 'Change an alert rule' })
  @ApiOkResponse({ type: AlertRuleDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  update(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateAlertRuleDto): Promise<AlertRuleDto> {
    return this.rules.update(principal.orgId!, id, body);
  }

  @Delete(':id')
  @TenantAccess(...WRITERS)
  @HttpCode(HttpStatus.NO_CONTENT)
  @Audit('alert_rule.deleted')
  @SupportSessionMay('read_write')
  @ApiOperation({ operationId: 'deleteAlertRule', summary: 'Delete an alert rule' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.rules.remove(principal.orgId!, id);
  }
}
