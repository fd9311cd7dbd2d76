import { BadRequestException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { ClockService } from '../../common/clock/clock.service';
import { hashToken, randomToken } from '../../common/crypto/secret-box.service';
import type { Principal } from '../../common/decorators/principal.decorator';
import { AuditService } from '../audit/audit.service';
import { ApiKey } from './api-key.entity';
import type { ApiKeyDto, ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

export const API_KEY_PREFIX = 'keel_';
const PREFIX_LENGTH = 12;
// last_used_at is a hint for people, not an audit trail: written at most once a minute per key.
const LAST_USED_RESOLUTION_MILLISECONDS = 60_000;
const MAX_LISTED = 500;

/** Integrators' API keys (SPEC §11): created by a super_admin, hashed at rest, revoked at once. */
@Injectable()
export class ApiKeysService {
  private readonly lastUsedWritten = new Map<string, number>();

  constructor(
    private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: ClockService,
    private readonly audit: AuditService,
  ) {}

  private get repository() {
    return this.transactionHost.tx.getRepository(ApiKey);
  }

  async create(principal: Principal, input: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const now = this.clock.now();
    const expiresAt = input.expires_at ? new Date(input.expires_at) : null;
    if (expiresAt && expiresAt.getTime() <= now.getTime()) throw new BadRequestException('expires_at must lie in the future');
    const key = `${API_KEY_PREFIX}${randomToken(30)}`;
    const apiKey = await this.repository.save(
      this.repository.create({ name: input.name, role: input.role, prefix: key.slice(0, PREFIX_LENGTH), keyHash: hashToken(key), createdBy: principal.accountId, createdAt: now, expiresAt }),
    );
    this.audit.describe({ target: { type: 'api_key', id: apiKey.id, name: apiKey.name }, metadata: { role: apiKey.role, prefix: apiKey.prefix, expires_at: expiresAt?.toISOString() ?? null } });
    const { last_used_at: _unused, ...listed } = toDto(apiKey);
    return { ...listed, key };
  }

  async list(): Promise<ApiKeyListDto> {
    const keys = await this.repository.find({ where: { revokedAt: IsNull() }, order: { createdAt: 'DESC' }, take: MAX_LISTED });
    return { items: keys.map(toDto) };
  }

  async revoke(id: string): Promise<void> {
    const apiKey = await this.repository.findOneBy({ id, revokedAt: IsNull() });
    if (!apiKey) throw new NotFoundException('No such API key');
    await this.repository.update({ id }, { revokedAt: this.clock.now() });
    this.audit.describe({ target: { type: 'api_key', id, name: apiKey.name }, metadata: { prefix: apiKey.prefix } });
  }

  /**
   * The caller behind `Authorization: Bearer keel_…`: one indexed lookup per request, so a
   * revocation or expiry takes effect at once on every replica.
   */
  async authenticate(key: string): Promise<Principal> {
    const [apiKey]: { id: string; name: string; role: Principal['role']; expires_at: Date | null; revoked_at: Date | null }[] = await this.dataSource.query(
      'SELECT id, name, role, expires_at, revoked_at FROM api_keys WHERE key_hash = $1',
      [hashToken(key)],
    );
    const now = this.clock.nowMilliseconds();
    if (!apiKey || apiKey.revoked_at || (apiKey.expires_at && apiKey.expires_at.getTime() <= now)) throw new UnauthorizedException('The API key is invalid, revoked or expired');
    this.noteUse(apiKey.id, now);
    return { realm: 'platform', accountId: apiKey.id, sessionId: apiKey.id, email: '', role: apiKey.role, orgId: null, mfaVerifiedAt: null, apiKey: { id: apiKey.id, name: apiKey.name } };
  }

  // Off the request path: the answer does not wait for this write.
  private noteUse(id: string, now: number): void {
    if (now - (this.lastUsedWritten.get(id) ?? 0) < LAST_USED_RESOLUTION_MILLISECONDS) return;
    this.lastUsedWritten.set(id, now);
    void this.dataSource.query('UPDATE api_keys SET last_used_at = $2 WHERE id = $1', [id, new Date(now)]).catch(() => this.lastUsedWritten.delete(id));
  }
}

function toDto(apiKey: ApiKey): ApiKeyDto {
  return {
    id: apiKey.id,
    name: apiKey.name,
    role: apiKey.role,
    prefix: apiKey.prefix,
    created_at: apiKey.createdAt.toISOString(),
    expires_at: apiKey.expiresAt?.toISOString() ?? null,
    last_used_at: apiKey.lastUsedAt?.toISOString() ?? null,
  };
}
