import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiPayloadTooLargeResponse, ApiHeader, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClockService } from '../../common/clock/clock.service';
import { Public } from '../../common/decorators/access.decorator';
import { NoAudit } from '../../common/decorators/audit.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { ApiCallBatchDto, IngestResultDto } from './dto/telemetry.dto';
import { IngestKeyGuard } from './ingest-key.guard';
import { MeteringService } from './metering.service';

const ACCEPTED_AGE_MILLISECONDS = 8 * 86_400_000;
const ACCEPTED_SKEW_MILLISECONDS = 5 * 60_000;

/** API-call events from the product's own services, counted like tenant API calls (SPEC §8). */
@ApiTags('telemetry')
@Controller('telemetry')
export class TelemetryController {
  constructor(
    private readonly metering: MeteringService,
    private readonly clock: ClockService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post('api-calls')
  @Public()
  @UseGuards(IngestKeyGuard)
  @HttpCode(HttpStatus.ACCEPTED)
  @NoAudit('metering input from the product\'s services: counters, not a change an auditor reads')
  @ApiOperation({ operationId: 'ingestApiCalls', summary: 'Ingest up to 5,000 API-call events (X-Ingest-Key)' })
  @ApiHeader({ name: 'X-Ingest-Key', required: true, description: 'The shared ingest secret (TELEMETRY_INGEST_KEY)' })
  @ApiAcceptedResponse({ type: IngestResultDto })
  @ApiBadRequestResponse({ description: 'Invalid events, or more than 5,000', type: ErrorResponseDto })
  @ApiPayloadTooLargeResponse({ description: 'Body over 1 MiB', type: ErrorResponseDto })
  @ApiUnauthorizedResponse({ description: 'Missing or wrong X-Ingest-Key', type: ErrorResponseDto })
  async ingest(@Body() body: ApiCallBatchDto): Promise<IngestResultDto> {
    const now = this.clock.nowMilliseconds();
    const recent = body.events.filter((event) => {
      const time = Date.parse(event.ts);
      return time >= now - ACCEPTED_AGE_MILLISECONDS && time <= now + ACCEPTED_SKEW_MILLISECONDS;
    });
    const orgIds = [...new Set(recent.map((event) => event.org_id))];
    const known: { id: string }[] = orgIds.length ? await this.dataSource.query('SELECT id FROM organizations WHERE id = ANY($1::uuid[])', [orgIds]) : [];
    const knownIds = new Set(known.map((row) => row.id));
    let accepted = 0;
    for (const event of recent) {
      if (!knownIds.has(event.org_id)) continue;
      this.metering.count(event.org_id, event.status, new Date(event.ts));
      accepted += 1;
    }
    return { accepted };
  }
}
