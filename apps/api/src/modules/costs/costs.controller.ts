import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantAccess } from '../../common/decorators/access.decorator';
import { CurrentPrincipal, type Principal } from '../../common/decorators/principal.decorator';
import { CostsService } from './costs.service';
import { CostListQueryDto, CostRangeQueryDto, CostRowListDto, CostSummaryDto } from './dto/costs.dto';

@ApiTags('costs')
@Controller('costs')
@TenantAccess()
export class CostsController {
  constructor(private readonly costs: CostsService) {}

  @Get('summary')
  @ApiOperation({ operationId: 'getCostSummary', summary: 'Total, per provider and per day, for a date range (default: the last 30 days)' })
  @ApiOkResponse({ type: CostSummaryDto })
  summary(@CurrentPrincipal() principal: Principal, @Query() query: CostRangeQueryDto): Promise<CostSummaryDto> {
    return this.costs.summary(principal.orgId!, query);
  }

  @Get()
  @ApiOperation({ operationId: 'listCosts', summary: 'Cost rows, newest first, filtered by date range, provider, service or account' })
  @ApiOkResponse({ type: CostRowListDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: CostListQueryDto): Promise<CostRowListDto> {
    return this.costs.list(principal.orgId!, query);
  }
}
