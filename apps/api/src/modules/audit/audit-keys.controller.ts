import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/decorators/access.decorator';
import { AuditCheckpointService } from './audit-checkpoint.service';
import { AuditKeySetDto } from './dto/audit-log.dto';

/** The public keys of audit checkpoints, for offline verification of exports (`npm run audit:verify`). */
@ApiTags('audit')
@Controller('.well-known')
export class AuditKeysController {
  constructor(private readonly checkpoints: AuditCheckpointService) {}

  @Get('keel-audit-keys.json')
  @Public()
  @ApiOperation({ operationId: 'getAuditKeys', summary: 'Public keys (Ed25519, a JWK Set) that verify the signed audit checkpoints' })
  @ApiOkResponse({ type: AuditKeySetDto })
  keys(): AuditKeySetDto {
    return this.checkpoints.keySet();
  }
}
