import type { Realm } from '@keel/shared';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export type MailTemplate =
  | { name: 'invitation'; realm: Realm; link: string; recipientName: string; organizationName: string | null }
  | { name: 'password_reset'; realm: Realm; link: string; recipientName: string };

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);

// Paragraphs of plain text become the text part and, escaped, the HTML part; links stay clickable.
function layout(subject: string, paragraphs: string[], action: { label: string; link: string }, footer: string): RenderedMail {
  const text = [...paragraphs, `${action.label}: ${action.link}`, footer].join('\n\n');
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1b1e">',
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    `<p><a href="${escapeHtml(action.link)}" style="background:#1c7ed6;color:#fff;padding:8px 16px;border-radius:4px;text-decoration:none">${escapeHtml(action.label)}</a></p>`,
    `<p style="color:#868e96;font-size:12px">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

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
  }
}
