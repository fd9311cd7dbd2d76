import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantAccess } from '../../common/decorators/access.decorator';
import { CurrentPrincipal, type Principal } from '../../common/decorators/principal.decorator';
import { AuthService } from './auth.service';
import { MeDto } from './dto/auth-responses.dto';

/** `/api/v1/me`: the tenant realm's alias of `/api/v1/auth/me`. */
@ApiTags('auth')
@Controller('me')
export class MeController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  @TenantAccess()
  @ApiOperation({ operationId: 'getMe', summary: 'The signed-in tenant user' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() principal: Principal): Promise<MeDto> {
    return this.auth.me(principal);
  }
}
