import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SupportSessionMay, TenantAccess } from '../../common/decorators/access.decorator';
import { Audit } from '../../common/decorators/audit.decorator';
import { CurrentPrincipal, type Principal } from '../../common/decorators/principal.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { PaginationQueryDto } from '../../common/http/pagination.dto';
import { BudgetsService } from './budgets.service';
import { BudgetDto, BudgetListDto, CreateBudgetDto, UpdateBudgetDto } from './dto/budget.dto';

const WRITERS = ['owner', 'admin', 'operator'] as const;

@ApiTags('budgets')
@Controller('budgets')
export class BudgetsController {
  constructor(private readonly budgets: BudgetsService) {}

  @Get()
  @TenantAccess()
  @ApiOperation({ operationId: 'listBudgets', summary: "The org's budgets" })
  @ApiOkResponse({ type: BudgetListDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: PaginationQueryDto): Promise<BudgetListDto> {
    return this.budgets.list(principal.orgId!, query);
  }

  @Get(':id')
  @TenantAccess()
  @ApiOperation({ operationId: 'getBudget', summary: 'One budget' })
  @ApiOkResponse({ type: BudgetDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<BudgetDto> {
    return this.budgets.get(principal.orgId!, id);
  }

  @Post()
  @TenantAccess(...WRITERS)
  @Audit('budget.created')
  @SupportSessionMay('read_write')
  @ApiOperation({ operationId: 'createBudget', summary: 'Create a budget' })
  @ApiCreatedResponse({ type: BudgetDto })
  @ApiNotFoundResponse({ description: 'account_id names no cloud account of the org', type: ErrorResponseDto })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateBudgetDto): Promise<BudgetDto> {
    return this.budgets.create(principal.orgId!, body);
  }

  @Patch(':id')
  @TenantAccess(...WRITERS)
  @Audit('budget.updated')
  @SupportSessionMay('read_write')
  @ApiOperation({ operationId: 'updateBudget', summary: 'Change a budget' })
  @ApiOkResponse({ type: BudgetDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  update(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateBudgetDto): Promise<BudgetDto> {
    return this.budgets.update(principal.orgId!, id, body);
  }

  @Delete(':id')
  @TenantAccess(...WRITERS)
  @HttpCode(HttpStatus.NO_CONTENT)
  @Audit('budget.deleted')
  @SupportSessionMay('read_write')
  @ApiOperation({ operationId: 'deleteBudget', summary: 'Delete a budget' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.budgets.remove(principal.orgId!, id);
  }
}
