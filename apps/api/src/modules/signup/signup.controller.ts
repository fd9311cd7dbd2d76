import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Public } from '../../common/decorators/access.decorator';
import { Audit } from '../../common/decorators/audit.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { LoginRateGuard } from '../auth/login-rate.guard';
import { SignupDto, SignupResultDto } from './dto/signup.dto';
import { SignupService } from './signup.service';

@ApiTags('auth')
@Controller('signup')
export class SignupController {
  constructor(private readonly signup: SignupService) {}

  @Post()
  @Public()
  // Sign-ups share the per-IP budget of login attempts: both are unauthenticated and costly.
  @UseGuards(LoginRateGuard)
  @Audit('org.signed_up')
  @ApiOperation({ operationId: 'signUp', summary: 'Create an organization (pending approval) and its owner' })
  @ApiCreatedResponse({ type: SignupResultDto })
  @ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'Slug or e-mail taken', type: ErrorResponseDto })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address', type: ErrorResponseDto })
  signUp(@Body() body: SignupDto): Promise<SignupResultDto> {
    return this.signup.signUp(body);
  }
}
