import { Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { MeteringMiddleware } from './metering.middleware';
import { MeteringService } from './metering.service';
import { TelemetryController } from './telemetry.controller';

@Global()
@Module({ controllers: [TelemetryController], providers: [MeteringService], exports: [MeteringService] })
export class TelemetryModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(MeteringMiddleware).forRoutes('*path');
  }
}
