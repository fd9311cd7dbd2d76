import type { Realm } from '@keel/shared';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export type MailTemplate =
  | { name: 'invitation'; realm: Realm; link: string; recipientName: string; organizationName: string | null }
  | { name: 'password_reset'; realm: Realm; link: string; recipientName: string }
  | { name: 'org_approved'; organizationName: string; link: string }
  | { name: 'org_rejected'; organizationName: string; reason: string }
  | { name: 'org_suspended'; organizationName: string; reason: string }
  | { name: 'org_enabled'; organizationName: string; link: string }
  | { name: 'org_deletion_scheduled'; organizationName: string; deletionScheduledAt: Date }
  | { name: 'mfa_reset'; organizationName: string; userEmail: string }
  | { name: 'org_contact'; organizationName: string; subject: string; message: string }
  | { name: 'support_session_started'; organizationName: string; staffEmail: string; userEmail: string; scope: string; reason: string; ticketRef: string | null; expiresAt: Date; link: string };

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);

// Paragraphs of plain text become the text part and, escaped, the HTML part; links stay clickable.
function layout(subject: string, paragraphs: string[], action: { label: string; link: string } | null, footer: string): RenderedMail {
  const text = [...paragraphs, ...(action ? [`${action.label}: ${action.link}`] : []), footer].join('\n\n');
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1b1e">',
    ...paragraphs.map((paragraph) => `<p style="white-space:pre-line">${escapeHtml(paragraph)}</p>`),
    ...(action
      ? [`<p><a href="${escapeHtml(action.link)}" style="background:#1c7ed6;color:#fff;padding:8px 16px;border-radius:4px;text-decoration:none">${escapeHtml(action.label)}</a></p>`]
      : []),
    `<p style="color:#868e96;font-size:12px">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

const PLATFORM_FOOTER = 'You receive this e-mail as an owner or admin of your organization on Keel.';

export function renderMail(template: MailTemplate): RenderedMail {
  switch (template.name) {
    case 'invitation': {
      const where = template.realm === 'platform' ? 'the Keel platform team' : `${template.organizationName ?? 'your organization'} on Keel`;
      return layout(
        `You are invited to join ${where}`,
        [`Hello ${template.recipientName},`, `You have been invited to join ${where}. Choose a password to activate your account.`],
        { label: 'Accept the invitation', link: template.link },
        'The link works once and expires in 72 hours. If you did not expect this invitation, ignore this e-mail.',
      );
    }
    case 'password_reset':
      return layout(
        'Reset your Keel password',
        [`Hello ${template.recipientName},`, 'Someone asked to reset the password of your Keel account. If it was you, choose a new password.'],
        { label: 'Reset the password', link: template.link },
        'The link works once and expires in 1 hour. If you did not ask for this, ignore this e-mail: your password stays as it is.',
      );
    case 'org_approved':
      return layout(`${template.organizationName} is approved`, [`Good news: the Keel platform team approved ${template.organizationName}. You can sign in now.`], { label: 'Sign in', link: template.link }, PLATFORM_FOOTER);
    case 'org_rejected':
      return layout(`${template.organizationName} was not approved`, [`The Keel platform team did not approve the sign-up of ${template.organizationName}.`, `Reason: ${template.reason}`], null, PLATFORM_FOOTER);
    case 'org_suspended':
      return layout(
        `${template.organizationName} is suspended`,
        [`The Keel platform team suspended ${template.organizationName}. Its members cannot sign in or use the API until it is re-enabled.`, `Reason: ${template.reason}`],
        null,
        PLATFORM_FOOTER,
      );
    case 'org_enabled':
      return layout(`${template.organizationName} is active again`, [`The Keel platform team re-enabled ${template.organizationName}. Its members can sign in again.`], { label: 'Sign in', link: template.link }, PLATFORM_FOOTER);
    case 'org_deletion_scheduled':
      return layout(
        `${template.organizationName} is scheduled for deletion`,
        [
          `The Keel platform team scheduled ${template.organizationName} for deletion. All of its data will be deleted for good on ${template.deletionScheduledAt.toISOString().replace('T', ' ').slice(0, 16)} UTC.`,
          'Until then the deletion can be cancelled: contact the platform team if this is a mistake.',
        ],
        null,
        PLATFORM_FOOTER,
      );
    case 'mfa_reset':
      return layout(
        `Two-factor authentication was reset for ${template.userEmail}`,
        [`The Keel platform team reset two-factor authentication for ${template.userEmail} in ${template.organizationName}. They will set it up again at their next sign-in.`],
        null,
        PLATFORM_FOOTER,
      );
    case 'org_contact':
      return layout(template.subject, [`A message from the Keel platform team to ${template.organizationName}:`, template.message], null, PLATFORM_FOOTER);
    case 'support_session_started':
      return layout(
        `Keel support is accessing ${template.organizationName}`,
        [
          `${template.staffEmail} of the Keel platform team opened a ${template.scope === 'read_write' ? 'read-write' : 'read-only'} support session on ${template.organizationName}, acting as ${template.userEmail}.`,
          `Reason: ${template.reason}${template.ticketRef ? `\nTicket: ${template.ticketRef}` : ''}`,
          `The session ends at the latest on ${template.expiresAt.toISOString().replace('T', ' ').slice(0, 16)} UTC. Every request it makes is listed on the Support access page of your console, and you can turn support access off in your organization's settings.`,
        ],
        { label: 'See support access', link: template.link },
        PLATFORM_FOOTER,
      );
  }
}
