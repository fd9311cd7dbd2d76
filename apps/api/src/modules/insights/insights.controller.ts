import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { TenantAccess } from '../../common/decorators/access.decorator';
import { CurrentPrincipal, type Principal } from '../../common/decorators/principal.decorator';
import { pagination, PaginationQueryDto, resolvePage } from '../../common/http/pagination.dto';
import { AnomalyAlert, Recommendation } from '../costs/account-data.entities';
import { AnomalyAlertListDto, RecommendationListDto } from './dto/insights.dto';

/** What the product found in the org's costs: anomalies and savings recommendations (read-only here). */
@ApiTags('insights')
@Controller()
@TenantAccess()
export class InsightsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('anomaly-alerts')
  @ApiOperation({ operationId: 'listAnomalyAlerts', summary: 'Cost anomalies, newest first' })
  @ApiOkResponse({ type: AnomalyAlertListDto })
  async anomalyAlerts(@CurrentPrincipal() principal: Principal, @Query() query: PaginationQueryDto): Promise<AnomalyAlertListDto> {
    const page = resolvePage(query);
    const [alerts, total] = await this.dataSource.getRepository(AnomalyAlert).findAndCount({ where: { orgId: principal.orgId! }, order: { detectedAt: 'DESC', id: 'ASC' }, skip: page.offset, take: page.limit });
    return {
      items: alerts.map((alert) => ({
        id: alert.id,
        account_id: alert.accountId,
        detected_at: alert.detectedAt.toISOString(),
        service: alert.service,
        expected_amount: Number(alert.expectedAmount),
        actual_amount: Number(alert.actualAmount),
        severity: alert.severity,
        status: alert.status,
      })),
      pagination: pagination(page, total),
    };
  }

  @Get('recommendations')
  @ApiOperation({ operationId: 'listRecommendations', summary: 'Savings recommendations, largest first' })
  @ApiOkResponse({ type: RecommendationListDto })
  async recommendations(@CurrentPrincipal() principal: Principal, @Query() query: PaginationQueryDto): Promise<RecommendationListDto> {
    const page = resolvePage(query);
    const [recommendations, total] = await this.dataSource
      .getRepository(Recommendation)
      .findAndCount({ where: { orgId: principal.orgId! }, order: { estimatedMonthlySavings: 'DESC', id: 'ASC' }, skip: page.offset, take: page.limit });
    return {
      items: recommendations.map((recommendation) => ({
        id: recommendation.id,
        account_id: recommendation.accountId,
        kind: recommendation.kind,
        title: recommendation.title,
        estimated_monthly_savings: Number(recommendation.estimatedMonthlySavings),
        status: recommendation.status,
        created_at: recommendation.createdAt.toISOString(),
      })),
      pagination: pagination(page, total),
    };
  }
}
