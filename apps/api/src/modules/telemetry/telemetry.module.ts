import { Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { MeteringMiddleware } from './metering.middleware';
import { MeteringService } from './metering.service';
import { TelemetryController } from './telemetry.controller';

@Global()
@Module({ controllers: [TelemetryController], providers: [MeteringService], exports: [MeteringService] })
export class TelemetryModule implements NestModule {
  constructor(private readonly config: AppConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    // METERING_ENABLED=false: no request is counted (health then reads only what was counted before).
    if (this.config.meteringEnabled) consumer.apply(MeteringMiddleware).forRoutes('*path');
  }
}
