import { applyDecorators, BadRequestException, Body, Controller, ForbiddenException, Get, HttpCode, HttpStatus, Post, Req, Res, Type, UnauthorizedException, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CSRF_HEADER, REFRESH_COOKIE, type Realm } from '@keel/shared';
import { AppConfig } from '../../config/app-config';
import { NoApiKeys, NoIdempotency, PlatformAccess, Public, TenantAccess } from '../../common/decorators/access.decorator';
import { Audit, NoAudit } from '../../common/decorators/audit.decorator';
import { CurrentPrincipal, type Principal } from '../../common/decorators/principal.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { requestContext } from '../../common/http/request-context';
import { SuccessResponseDto } from '../../common/http/success-response.dto';
import { AuthService } from './auth.service';
import {
  AcceptInviteDto,
  ChangePasswordDto,
  LoginDto,
  LogoutDto,
  MfaEnrollDto,
  MfaVerifyDto,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  RefreshDto,
} from './dto/auth-requests.dto';
import { MeDto, MfaEnrollmentDto, MfaEnrollmentRequiredDto, MfaRequiredDto, TokenPairDto, type LoginResult } from './dto/auth-responses.dto';
import { LoginRateGuard } from './login-rate.guard';

interface RealmRoutes {
  realm: Realm;
  path: string;
  tag: string;
  /** Names the realm's people in operation ids: loginStaff, verifyUserMfa, … */
  noun: 'Staff' | 'User';
  /** Audit action prefix: platform.login, user.login, … */
  actionPrefix: 'platform' | 'user';
}

const SUCCESS = { success: true } as const;

/**
 * The sign-in routes of SPEC §3. Both realms have the same shapes, so one class is built per realm;
 * only the path, the audience, the operation ids and the audit action names differ.
 */
export function createAuthController(routes: RealmRoutes): Type<unknown> {
  const { realm, noun, actionPrefix } = routes;
  const AnyoneSignedIn = realm === 'platform' ? PlatformAccess : TenantAccess;
  const operation = (verb: string, summary: string) => ApiOperation({ operationId: verb.replace('$', noun), summary });

  @ApiTags(routes.tag)
  @ApiExtraModels(TokenPairDto, MfaRequiredDto, MfaEnrollmentRequiredDto)
  @ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDto })
  @Controller(routes.path)
  // Staff sign-in is for people (SPEC §11): an API key gets 403 on every staff auth route.
  @applyDecorators(...(realm === 'platform' ? [NoApiKeys()] : []))
  // Sign-in answers hold tokens: never replayed (SPEC §11).
  @NoIdempotency()
  class AuthController {
    constructor(readonly auth: AuthService, readonly config: AppConfig) {}

    @Post('login')
    @Public()
    @UseGuards(LoginRateGuard)
    @HttpCode(HttpStatus.OK)
    @Audit(`${actionPrefix}.login`)
    @operation('login$', 'Sign in with e-mail and password')
    @ApiOkResponse({ description: 'Tokens, or the MFA step that must follow', schema: { oneOf: [TokenPairDto, MfaRequiredDto, MfaEnrollmentRequiredDto].map((model) => ({ $ref: getSchemaPath(model) })) } })
    @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password (one message for both)', type: ErrorResponseDto })
    @ApiTooManyRequestsResponse({ description: 'Too many attempts; see Retry-After', type: ErrorResponseDto })
    async login(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<LoginResult> {
      const result = await this.auth.login(realm, body.email, body.password, requestContext(request));
      return 'access_token' in result ? this.deliver(result, body.cookie, request, response) : result;
    }

    @Post('mfa/enroll')
    @Public()
    @HttpCode(HttpStatus.OK)
    @Audit(`${actionPrefix}.mfa_enrollment_started`)
    @operation('enroll$Mfa', 'Start TOTP enrollment: returns the secret and its otpauth URL')
    @ApiOkResponse({ type: MfaEnrollmentDto })
    @ApiUnauthorizedResponse({ description: 'Invalid or expired mfa_token', type: ErrorResponseDto })
    enrollMfa(@Body() body: MfaEnrollDto): Promise<MfaEnrollmentDto> {
      return this.auth.enrollMfa(realm, body.mfa_token);
    }

    @Post('mfa/verify')
    @Public()
    @HttpCode(HttpStatus.OK)
    @Audit(`${actionPrefix}.login`)
    @operation('verify$Mfa', 'Verify a TOTP or recovery code; completes sign-in (and enrollment, returning recovery codes)')
    @ApiOkResponse({ type: TokenPairDto })
    @ApiUnauthorizedResponse({ description: 'Wrong code, or invalid mfa_token', type: ErrorResponseDto })
    @ApiTooManyRequestsResponse({ description: '5 wrong codes within 15 minutes', type: ErrorResponseDto })
    async verifyMfa(@Body() body: MfaVerifyDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<TokenPairDto> {
      const pair = await this.auth.verifyMfa(realm, body.mfa_token, body.code, requestContext(request));
      return this.deliver(pair, body.cookie, request, response);
    }

    @Post('refresh')
    @Public()
    @HttpCode(HttpStatus.OK)
    @NoAudit('rotating a refresh token continues an existing, audited sign-in')
    @operation('refresh$Session', 'Exchange a refresh token (body or cookie) for a new pair')
    @ApiOkResponse({ type: TokenPairDto })
    @ApiUnauthorizedResponse({ description: 'Unknown, expired, revoked or re-used refresh token', type: ErrorResponseDto })
    @ApiForbiddenResponse({ description: 'A cookie refresh without the X-Keel-CSRF: 1 header', type: ErrorResponseDto })
    async refresh(@Body() body: RefreshDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<TokenPairDto> {
      const refreshToken = this.refreshTokenFrom(body, request);
      const pair = await this.auth.refresh(realm, refreshToken);
      return this.deliver(pair, body.cookie, request, response);
    }

    @Post('logout')
    @Public()
    @HttpCode(HttpStatus.OK)
    @Audit(`${actionPrefix}.logout`)
    @operation('logout$', 'End the session (bearer token, even expired, or refresh token/cookie)')
    @ApiOkResponse({ type: SuccessResponseDto })
    @ApiUnauthorizedResponse({ description: 'No valid session to sign out of', type: ErrorResponseDto })
    @ApiForbiddenResponse({ description: 'A cookie sign-out without the X-Keel-CSRF: 1 header', type: ErrorResponseDto })
    async logout(@Body() body: LogoutDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SuccessResponseDto> {
      const authorization = request.headers.authorization;
      const accessToken = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
      const hasCookie = !!(request.cookies as Record<string, string> | undefined)?.[REFRESH_COOKIE];
      const useCookie = !accessToken && !body.refresh_token && (body.cookie || hasCookie);
      const refreshToken = useCookie ? this.refreshTokenFrom({ ...body, cookie: true }, request) : body.refresh_token;
      await this.auth.logout(realm, { accessToken, refreshToken });
      response.clearCookie(REFRESH_COOKIE, { path: '/api/v1' });
      return SUCCESS;
    }

    @Get('me')
    @AnyoneSignedIn()
    @operation('get$Me', 'The signed-in account')
    @ApiOkResponse({ type: MeDto })
    me(@CurrentPrincipal() principal: Principal): Promise<MeDto> {
      return this.auth.me(principal);
    }

    @Post('password')
    @AnyoneSignedIn()
    @HttpCode(HttpStatus.OK)
    @Audit(`${actionPrefix}.password_changed`)
    @operation('change$Password', 'Change the password; every session of the account ends')
    @ApiOkResponse({ type: SuccessResponseDto })
    async changePassword(@CurrentPrincipal() principal: Principal, @Body() body: ChangePasswordDto): Promise<SuccessResponseDto> {
      await this.auth.changePassword(principal, body.current_password, body.new_password);
      return SUCCESS;
    }

    @Post('accept-invite')
    @Public()
    @HttpCode(HttpStatus.OK)
    @Audit(`${actionPrefix}.invitation_accepted`)
    @operation('accept$Invitation', 'Set a password with an invitation token and activate the account')
    @ApiOkResponse({ type: SuccessResponseDto })
    async acceptInvite(@Body() body: AcceptInviteDto): Promise<SuccessResponseDto> {
      await this.auth.acceptInvitation(realm, body.token, body.password);
      return SUCCESS;
    }

    @Post('password-reset')
    @Public()
    @HttpCode(HttpStatus.ACCEPTED)
    @Audit(`${actionPrefix}.password_reset_requested`)
    @operation('request$PasswordReset', 'E-mail a reset link (202 whether or not the account exists)')
    @ApiAcceptedResponse({ type: SuccessResponseDto })
    async requestPasswordReset(@Body() body: PasswordResetRequestDto): Promise<SuccessResponseDto> {
      await this.auth.requestPasswordReset(realm, body.email);
      return SUCCESS;
    }

    @Post('password-reset/confirm')
    @Public()
    @HttpCode(HttpStatus.OK)
    @Audit(`${actionPrefix}.password_reset`)
    @operation('confirm$PasswordReset', 'Set a new password with a reset token; every session ends')
    @ApiOkResponse({ type: SuccessResponseDto })
    async confirmPasswordReset(@Body() body: PasswordResetConfirmDto): Promise<SuccessResponseDto> {
      await this.auth.confirmPasswordReset(realm, body.token, body.password);
      return SUCCESS;
    }

    /** Cookie mode keeps the refresh token out of reach of scripts (SPEC §3). */
    private deliver(pair: TokenPairDto, cookie: boolean | undefined, request: Request, response: Response): TokenPairDto {
      if (!cookie) return pair;
      response.cookie(REFRESH_COOKIE, pair.refresh_token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/api/v1',
        secure: this.config.mode === 'production' || request.secure,
        maxAge: this.config.sessionTtlDays * 86_400_000,
      });
      const { refresh_token: _omitted, ...rest } = pair;
      return rest;
    }

    private refreshTokenFrom(body: RefreshDto, request: Request): string {
      if (!body.cookie) {
        if (!body.refresh_token) throw new BadRequestException('Send refresh_token, or cookie: true with the keel_refresh cookie');
        return body.refresh_token;
      }
      if (request.header(CSRF_HEADER) !== '1') throw new ForbiddenException(`Calls that use the refresh cookie must send the ${CSRF_HEADER}: 1 header`);
      const token = (request.cookies as Record<string, string> | undefined)?.[REFRESH_COOKIE];
      if (!token) throw new UnauthorizedException('No keel_refresh cookie was sent; sign in again');
      return token;
    }
  }
  return AuthController;
}

export const PlatformAuthController = createAuthController({ realm: 'platform', path: 'platform/auth', tag: 'platform-auth', noun: 'Staff', actionPrefix: 'platform' });
export const TenantAuthController = createAuthController({ realm: 'tenant', path: 'auth', tag: 'auth', noun: 'User', actionPrefix: 'user' });
