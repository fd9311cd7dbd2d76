import { Global, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';

/**
 * Where the platform dashboards read (stats, org list, growth, usage, sync health, tenant health):
 * the read replica of DATABASE_READ_URL, or else the primary. Only read-only queries belong here;
 * what a person just changed and reads back (an org's drill-down) stays on the primary.
 */
export abstract class ReadDatabase {
  abstract query<T = any>(sql: string, parameters?: unknown[]): Promise<T[]>;
}

class ReplicaDatabase implements ReadDatabase, OnApplicationShutdown {
  private readonly pool: Pool;

  constructor(url: string, size: number) {
    this.pool = new Pool({ connectionString: url, max: size });
    // An idle connection the replica drops must not take the process down; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  async query<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(sql, parameters)).rows as T[];
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: ReadDatabase,
      inject: [AppConfig, getDataSourceToken()],
      useFactory: (config: AppConfig, primary: DataSource): ReadDatabase =>
        config.databaseReadUrl ? new ReplicaDatabase(config.databaseReadUrl, config.databasePoolSize) : { query: (sql, parameters) => primary.query(sql, parameters) },
    },
  ],
  exports: [ReadDatabase],
})
export class ReadDatabaseModule {}
