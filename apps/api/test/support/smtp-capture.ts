import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { findFreePort } from '../../src/database/embedded-postgres';

export interface CapturedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** A real SMTP server in-process that keeps every message it accepts. */
export class SmtpCapture {
  readonly messages: CapturedMail[] = [];
  private server?: SMTPServer;
  private waiters: (() => void)[] = [];

  private constructor(readonly port: number) {}

  /** Reserves a port; call start() to accept mail (before that, delivery fails: "server down"). */
  static async onFreePort(): Promise<SmtpCapture> {
    return new SmtpCapture(await findFreePort());
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const to = Array.isArray(parsed.to) ? parsed.to[0]?.text : parsed.to?.text;
            this.messages.push({ to: to ?? '', subject: parsed.subject ?? '', text: parsed.text ?? '', html: typeof parsed.html === 'string' ? parsed.html : '' });
            this.waiters.splice(0).forEach((wake) => wake());
            callback();
          })
          .catch(callback);
      },
    });
    // A client killed mid-conversation (the fault tests SIGKILL the API) resets its connection: not the server's failure.
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Waits until a message to `to` arrives (or fails after `timeoutMilliseconds`). */
  async waitFor(to: string, timeoutMilliseconds = 20_000): Promise<CapturedMail> {
    const deadline = Date.now() + timeoutMilliseconds;
    for (;;) {
      const found = this.messages.find((message) => message.to.includes(to));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No mail to ${to} within ${timeoutMilliseconds} ms`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 250);
      });
    }
  }
}

/** The token of the first Keel link in a mail. */
export function tokenFromMail(mail: CapturedMail): string {
  const match = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`No token link in: ${mail.text}`);
  return match[1];
}
