export const DEFAULT_JOB_SCHEMA = 'pgboss';

/** Where the API's two database roles connect (resolved at start: embedded PostgreSQL or DATABASE_URL), and the schema of its job queue. */
export class DatabaseUrls {
  constructor(
    readonly appUrl: string,
    readonly ownerUrl: string,
    readonly jobSchema: string = DEFAULT_JOB_SCHEMA,
  ) {}
}
