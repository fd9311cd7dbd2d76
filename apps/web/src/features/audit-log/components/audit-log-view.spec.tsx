import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { auditEntry, auditPage, restoredSession, staffUser, tenantUser } from '../../../testing/api-fixtures';
import { errorAnswer, mockApi, type ApiRequest } from '../../../testing/mock-api';
import { renderRoute } from '../../../testing/render-route';

const PLATFORM_LOG = 'GET /api/v1/platform/audit-log';
const ORG_LOG = 'GET /api/v1/admin/audit-log';
const ACTOR_ID = '44444444-4444-4444-8444-444444444444';
const ORG_ID = '55555555-5555-4555-8555-555555555555';

const entriesTable = () => screen.findByRole('table', { name: 'Audit entries' });
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

/** Fifty entries a page, numbered from `first` down, like a real newest-first log. */
function fullPage(first: number) {
  return Array.from({ length: 50 }, (_, index) => auditEntry({ seq: first - index, action: `platform.entry_${first - index}` }));
}

describe('platform audit log: filters', () => {
  it('sends the filters as the API query and keeps them in the address', async () => {
    const api = mockApi({ ...restoredSession('platform', staffUser()), [PLATFORM_LOG]: auditPage([auditEntry()]) });
    const { user, router } = renderRoute('/platform/audit-log');
    await entriesTable();

    await user.type(screen.getByRole('textbox', { name: 'Action' }), 'platform.org_disabled');
    await user.type(screen.getByRole('textbox', { name: 'Actor ID' }), ACTOR_ID);
    await user.type(screen.getByRole('textbox', { name: 'Organization ID' }), ORG_ID);
    await user.type(screen.getByLabelText('From'), '2026-11-01');
    await user.type(screen.getByLabelText('To'), '2026-11-30');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Per page' }), '25');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await vi.waitFor(() => expect(api.to(PLATFORM_LOG)).toHaveLength(2));
    expect(api.to(PLATFORM_LOG)[1].query).toEqual({
      action: 'platform.org_disabled',
      actor_id: ACTOR_ID,
      org_id: ORG_ID,
      // Whole days in the reader's time zone: from the first instant of the 1st to the first of December 1st.
      from: new Date(2026, 10, 1).toISOString(),
      to: new Date(2026, 11, 1).toISOString(),
      limit: '25',
    });
    expect(new URLSearchParams(router.state.location.search).get('action')).toBe('platform.org_disabled');
  });

  it('points out a malformed actor id beside its field instead of asking the API', async () => {
    const api = mockApi({ ...restoredSession('platform', staffUser()), [PLATFORM_LOG]: auditPage([auditEntry()]) });
    const { user } = renderRoute('/platform/audit-log');
    await entriesTable();

    await user.type(screen.getByRole('textbox', { name: 'Actor ID' }), 'admin@keel.test');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    expect(await screen.findByText('Enter a complete ID (a UUID)')).toBeInTheDocument();
    expect(api.to(PLATFORM_LOG)).toHaveLength(1);
  });

  it('says when nothing matches, and clears the filters on request', async () => {
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [PLATFORM_LOG]: (request: ApiRequest) => auditPage(request.query.action ? [] : [auditEntry()]),
    });
    const { user } = renderRoute('/platform/audit-log?action=platform.nothing_like_this');

    expect(await screen.findByRole('heading', { name: 'No entries match these filters' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show all entries' }));

    expect(await entriesTable()).toBeInTheDocument();
    expect(api.to(PLATFORM_LOG).at(-1)?.query).toEqual({ limit: '50' });
  });

  it('shows an error with a way to try again when the log cannot be read', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [PLATFORM_LOG]: errorAnswer(400, 'from must be an ISO 8601 date-time') });
    renderRoute('/platform/audit-log');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The audit log could not be loaded');
    expect(alert).toHaveTextContent('from must be an ISO 8601 date-time');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

describe('platform audit log: keyset paging', () => {
  it('moves forward with next_cursor and back through the cursors it kept', async () => {
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [PLATFORM_LOG]: (request: ApiRequest) =>
        request.query.cursor === '951'
          ? auditPage(fullPage(950), { total: 12_000, total_estimated: true, next_cursor: '901' })
          : auditPage(fullPage(1000), { total: 12_000, total_estimated: true, next_cursor: '951' }),
    });
    const { user } = renderRoute('/platform/audit-log');

    const table = await entriesTable();
    expect(screen.getByText('Showing 1–50 of about 12,000 entries')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Showing 51–100 of about 12,000 entries')).toBeInTheDocument();
    expect(within(table).getByText('platform.entry_950')).toBeInTheDocument();
    expect(api.to(PLATFORM_LOG).at(-1)?.query).toEqual({ limit: '50', cursor: '951' });

    await user.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByText('Showing 1–50 of about 12,000 entries')).toBeInTheDocument();
    expect(rowsOf(await entriesTable())[0]).toHaveTextContent('platform.entry_1000');
  });

  it('stops at the last page of an exact total, even though a full page carries a next_cursor', async () => {
    mockApi({ ...restoredSession('platform', staffUser()), [PLATFORM_LOG]: auditPage(fullPage(50), { total: 50, next_cursor: '1' }) });
    renderRoute('/platform/audit-log');

    await entriesTable();
    expect(screen.getByText('Showing 1–50 of 50 entries')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  });
});

describe('platform audit log: entry, verification, export', () => {
  it('opens every field of an entry, with the metadata pretty-printed', async () => {
    const entry = auditEntry({
      seq: 42,
      action: 'platform.org_plan_changed',
      target: { type: 'organization', id: ORG_ID, name: 'Acme Corp' },
      org_id: ORG_ID,
      metadata: { from: 'pro', to: 'enterprise' },
      user_agent: 'Mozilla/5.0 (X11)',
      request_id: 'request-42',
    });
    mockApi({ ...restoredSession('platform', staffUser()), [PLATFORM_LOG]: auditPage([entry]) });
    const { user } = renderRoute('/platform/audit-log');
    await entriesTable();

    await user.click(screen.getByRole('button', { name: 'Details of entry 42: platform.org_plan_changed' }));

    const drawer = await screen.findByRole('dialog', { name: /Audit entry #42/ });
    for (const value of [entry.id, ORG_ID, 'Acme Corp', 'organization', 'super_admin@keel.test', '203.0.113.7', 'Mozilla/5.0 (X11)', 'request-42']) {
      expect(within(drawer).getAllByText(value).length).toBeGreaterThan(0);
    }
    expect(drawer.querySelector('pre')?.textContent).toBe(JSON.stringify(entry.metadata, null, 2));
  });

  it('verifies the hash chain and says how much was checked and how much is not sealed yet', async () => {
    mockApi({
      ...restoredSession('platform', staffUser()),
      [PLATFORM_LOG]: auditPage([auditEntry()]),
      'GET /api/v1/platform/audit-log/verify': { status: 200, body: { ok: true, checked: 1234, unsealed: 3, first_broken_id: null } },
    });
    const { user } = renderRoute('/platform/audit-log');
    await entriesTable();

    await user.click(screen.getByRole('button', { name: 'Verify chain' }));

    const result = (await screen.findAllByRole('status')).find((status) => status.textContent?.includes('Hash chain intact'));
    expect(result).toHaveTextContent('1,234 sealed entries checked: none was changed or removed. 3 recent entries are not sealed yet');
  });

  it('names the entry where a broken chain breaks', async () => {
    const brokenId = '66666666-6666-4666-8666-666666666666';
    mockApi({
      ...restoredSession('platform', staffUser()),
      [PLATFORM_LOG]: auditPage([auditEntry()]),
      'GET /api/v1/platform/audit-log/verify': { status: 200, body: { ok: false, checked: 80, unsealed: 0, first_broken_id: brokenId } },
    });
    const { user } = renderRoute('/platform/audit-log');
    await entriesTable();

    await user.click(screen.getByRole('button', { name: 'Verify chain' }));

    const alerts = await screen.findAllByRole('alert');
    const result = alerts.find((alert) => alert.textContent?.includes('Hash chain broken') && alert.textContent.includes('The chain breaks at entry'));
    expect(result).toHaveTextContent(brokenId);
  });

  it('exports the current filter as CSV through the API, with the bearer token, and saves the file', async () => {
    const saved: { fileName: string; blob: Blob }[] = [];
    let lastBlob: Blob | undefined;
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (blob: Blob) => ((lastBlob = blob), 'blob:csv'), revokeObjectURL: () => undefined }));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ fileName: this.download, blob: lastBlob! });
    });
    const csv = 'id,seq,created_at,action\n1,1,2026-11-30T09:15:00.000Z,platform.login\n';
    const api = mockApi({
      ...restoredSession('platform', staffUser()),
      [PLATFORM_LOG]: (request: ApiRequest) =>
        request.query.format === 'csv'
          ? { status: 200, body: csv, headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="platform-audit-log-2026-11-30.csv"' } }
          : auditPage([auditEntry()]),
    });
    const { user } = renderRoute('/platform/audit-log?action=platform.login&size=25');
    await entriesTable();

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    expect(await screen.findByText('Export downloaded')).toBeInTheDocument();
    const exportRequest = api.to(PLATFORM_LOG).find((request) => request.query.format === 'csv');
    // Every matching entry: the filters, but no page size or cursor.
    expect(exportRequest?.query).toEqual({ action: 'platform.login', format: 'csv' });
    expect(exportRequest?.authorization).toMatch(/^Bearer /);
    expect(saved).toHaveLength(1);
    expect(saved[0].fileName).toBe('platform-audit-log-2026-11-30.csv');
    expect(await saved[0].blob.text()).toBe(csv);
  });
});

describe('organization audit log', () => {
  it('marks what platform staff did with a Platform Support badge, and nothing else', async () => {
    mockApi({
      ...restoredSession('tenant', tenantUser('owner')),
      [ORG_LOG]: auditPage([
        auditEntry({ seq: 3, action: 'platform.impersonation_started', actor: { type: 'platform_user', id: staffUser().id, email: 'support@keel.test' } }),
        auditEntry({ seq: 2, action: 'budget.deleted', actor: { type: 'platform_admin_impersonating', id: staffUser().id, email: 'support@keel.test' } }),
        auditEntry({ seq: 1, action: 'user.login', actor: { type: 'user', id: tenantUser().id, email: 'owner@acme.example' } }),
      ]),
    });
    renderRoute('/app/audit-log');

    const [impersonationStarted, deletedInSupportSession, ownLogin] = rowsOf(await entriesTable());
    expect(within(impersonationStarted).getByText('Platform Support')).toBeInTheDocument();
    expect(within(deletedInSupportSession).getByText('Platform Support')).toBeInTheDocument();
    expect(within(deletedInSupportSession).getByText('Staff in a support session')).toBeInTheDocument();
    expect(within(ownLogin).queryByText('Platform Support')).not.toBeInTheDocument();
  });

  it('reads the org log without an org filter, which only the platform log has', async () => {
    const api = mockApi({ ...restoredSession('tenant', tenantUser('admin')), [ORG_LOG]: auditPage([auditEntry({ action: 'user.login' })]) });
    renderRoute('/app/audit-log');

    await entriesTable();
    expect(screen.queryByRole('textbox', { name: 'Organization ID' })).not.toBeInTheDocument();
    expect(api.to(ORG_LOG)[0].query).toEqual({ limit: '50' });
  });
});
