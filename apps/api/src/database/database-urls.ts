/** Where the API's two database roles connect: resolved at start (embedded PostgreSQL or DATABASE_URL). */
export class DatabaseUrls {
  constructor(readonly appUrl: string, readonly ownerUrl: string) {}
}
