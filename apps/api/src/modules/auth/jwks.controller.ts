import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/decorators/access.decorator';
import { JwksDto } from './dto/auth-responses.dto';
import { TokenService } from './token.service';

@ApiTags('auth')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly tokens: TokenService) {}

  @Get('jwks.json')
  @Public()
  @ApiOperation({ operationId: 'getJwks', summary: 'Public keys that verify Keel access tokens (ES256)' })
  @ApiOkResponse({ type: JwksDto })
  jwks(): JwksDto {
    return this.tokens.jwks();
  }
}
