import { DynamicModule, Global, Module } from '@nestjs/common';
import { DatabaseUrls } from '../database/database-urls';
import { AppConfig } from './app-config';

/** Provides the configuration validated at boot, and where the database is, to every module. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, databaseUrls: DatabaseUrls): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: DatabaseUrls, useValue: databaseUrls },
      ],
      exports: [AppConfig, DatabaseUrls],
    };
  }
}
