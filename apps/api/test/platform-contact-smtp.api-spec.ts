import request from 'supertest';
import { setTimeout as sleep } from 'node:timers/promises';
import { User } from '../src/modules/users/user.entity';
import { createOrganization, createStaff, createTenantUser, signIn } from './support/factories';
import { SmtpCapture } from './support/smtp-capture';
import { startTestApp, type TestApp } from './support/test-app';

// Input a person could paste into the contact dialog, meant to run if the HTML part carried it as is.
const HOSTILE_SUBJECT = 'Maintenance tonight <script>alert("subject")</script>';
const HOSTILE_MESSAGE = 'We upgrade at 22:00 UTC.\n<script>alert("message")</script> <img src=x onerror=alert(1)> & "quotes"';

describe('contacting an org’s admins, mailed over SMTP (SPEC §4 POST /platform/orgs/:id/contact)', () => {
  let smtp: SmtpCapture;
  let test: TestApp;
  let superAdminToken: string;

  beforeAll(async () => {
    smtp = await SmtpCapture.onFreePort();
    await smtp.start();
    test = await startTestApp({ SMTP_URL: smtp.url });
    superAdminToken = (await signIn(test, await createStaff(test, { role: 'super_admin' }))).accessToken;
  });
  afterAll(async () => {
    await test?.close();
    await smtp?.stop();
  });

  const contact = (orgId: string, body: { subject: string; message: string }) =>
    request(test.http).post(`/api/v1/platform/orgs/${orgId}/contact`).auth(superAdminToken, { type: 'bearer' }).send(body);

  it('mails every owner and admin of the org, and nobody else, with the subject and the message', async () => {
    const organization = await createOrganization(test);
    const owners = [await createTenantUser(test, { orgId: organization.id, role: 'owner' }), await createTenantUser(test, { orgId: organization.id, role: 'owner' })];
    const admin = await createTenantUser(test, { orgId: organization.id, role: 'admin' });
    const others = [
      await createTenantUser(test, { orgId: organization.id, role: 'operator' }),
      await createTenantUser(test, { orgId: organization.id, role: 'viewer' }),
      // An admin of another org must not hear about this one.
      await createTenantUser(test, { role: 'admin' }),
    ];
    const subject = `Planned maintenance ${organization.slug}`;

    const response = await contact(organization.id, { subject, message: 'We upgrade the database at 22:00 UTC; expect a minute of downtime.' }).expect(202);

    expect(response.body).toEqual({ recipients: 3 });
    for (const recipient of [...owners, admin]) {
      const mail = await smtp.waitFor(recipient.email);
      expect(mail.subject).toBe(subject);
      expect(mail.text).toContain('We upgrade the database at 22:00 UTC; expect a minute of downtime.');
      expect(mail.text).toContain(organization.name);
      expect(mail.html).toContain('We upgrade the database at 22:00 UTC; expect a minute of downtime.');
    }
    // The mails of one request are queued together; give any stray one time to arrive before saying none did.
    await sleep(1_500);
    const received = smtp.messages.filter((mail) => mail.subject === subject).map((mail) => mail.to);
    expect(received.sort()).toEqual([...owners, admin].map((recipient) => recipient.email).sort());
    for (const other of others) expect(received.join(' ')).not.toContain(other.email);
  });

  it('escapes markup of the subject and message in the HTML part, and keeps them verbatim in the text part', async () => {
    const organization = await createOrganization(test);
    const owner = await createTenantUser(test, { orgId: organization.id, role: 'owner' });

    await contact(organization.id, { subject: HOSTILE_SUBJECT, message: HOSTILE_MESSAGE }).expect(202);

    const mail = await smtp.waitFor(owner.email);
    expect(mail.subject).toBe(HOSTILE_SUBJECT);
    expect(mail.text).toContain(HOSTILE_MESSAGE);
    expect(mail.html).not.toMatch(/<script/i);
    expect(mail.html).not.toMatch(/<img/i);
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;message&quot;)&lt;/script&gt;');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
  });

  it('skips disabled admins and sends nothing (0 recipients) when the org has no owner or admin left', async () => {
    const organization = await createOrganization(test);
    const disabledAdmin = await createTenantUser(test, { orgId: organization.id, role: 'admin' });
    await test.dataSource.getRepository(User).update({ id: disabledAdmin.id }, { status: 'disabled' });
    const viewer = await createTenantUser(test, { orgId: organization.id, role: 'viewer' });
    const subject = `Nobody to tell ${organization.slug}`;

    const response = await contact(organization.id, { subject, message: 'Is anyone there?' }).expect(202);

    expect(response.body).toEqual({ recipients: 0 });
    await sleep(1_500);
    expect(smtp.messages.filter((mail) => mail.subject === subject || [disabledAdmin.email, viewer.email].some((email) => mail.to.includes(email)))).toEqual([]);
  });

  it('refuses an empty or over-long subject or message (400) and mails nobody', async () => {
    const organization = await createOrganization(test);
    const owner = await createTenantUser(test, { orgId: organization.id, role: 'owner' });

    for (const body of [
      { subject: '   ', message: 'A message' },
      { subject: 'A subject', message: '' },
      { subject: 'x'.repeat(201), message: 'A message' },
      { subject: 'A subject', message: 'x'.repeat(10_001) },
    ]) {
      await contact(organization.id, body).expect(400);
    }

    await sleep(1_500);
    expect(smtp.messages.filter((mail) => mail.to.includes(owner.email))).toEqual([]);
  });
});
