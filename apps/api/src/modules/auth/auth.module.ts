import { Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { SecretBoxService } from '../../common/crypto/secret-box.service';
import { AccountsService } from './accounts.service';
import { AuthMaintenanceService } from './auth-maintenance.service';
import { PlatformAuthController, TenantAuthController } from './auth-controller.factory';
import { AuthTokensService } from './auth-tokens.service';
import { AuthService } from './auth.service';
import { JwksController } from './jwks.controller';
import { PlatformJwtStrategy, TenantJwtStrategy } from './jwt.strategy';
import { LOGIN_THROTTLER, LOGINS_PER_IP_PER_MINUTE, LoginRateGuard } from './login-rate.guard';
import { LoginThrottleService } from './login-throttle.service';
import { MeController } from './me.controller';
import { PasswordService } from './password.service';
import { SessionCheckCache, SessionCheckCacheMiddleware } from './session-check-cache';
import { SessionsService } from './sessions.service';
import { SignOutHooks } from './sign-out-hooks';
import { TokenService } from './token.service';
import { TotpService } from './totp.service';

@Global()
@Module({
  imports: [
    PassportModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      // With several replicas the per-IP login cap must be counted in one place: Redis.
      useFactory: (config: AppConfig) => ({
        throttlers: [{ name: LOGIN_THROTTLER, ttl: 60_000, limit: LOGINS_PER_IP_PER_MINUTE }],
        ...(config.redisUrl ? { storage: new ThrottlerStorageRedisService(new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 })) } : {}),
      }),
    }),
  ],
  controllers: [PlatformAuthController, TenantAuthController, MeController, JwksController],
  providers: [
    AccountsService,
    AuthMaintenanceService,
    AuthService,
    AuthTokensService,
    LoginRateGuard,
    LoginThrottleService,
    PasswordService,
    PlatformJwtStrategy,
    SecretBoxService,
    SessionCheckCache,
    SessionsService,
    SignOutHooks,
    TenantJwtStrategy,
    TokenService,
    TotpService,
  ],
  exports: [AuthService, AccountsService, SessionCheckCache, SessionsService, SignOutHooks, TokenService, PasswordService, SecretBoxService, LoginThrottleService],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SessionCheckCacheMiddleware).forRoutes('*path');
  }
}
