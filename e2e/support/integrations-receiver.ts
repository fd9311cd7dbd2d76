import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedEvent = {
  /** The raw body, as the signature covers it. */
  body: string;
  signature: string;
  event: { id: string; type: string; created_at: string; data: Record<string, unknown> };
};

export type WebhookReceiver = {
  url: string;
  received: ReceivedEvent[];
  close: () => Promise<void>;
};

/**
 * A tiny webhook receiver on loopback, on a free port (the e2e API runs with WEBHOOK_ALLOW_PRIVATE):
 * records every delivery and answers `status`.
 */
export async function startWebhookReceiver(status: number): Promise<WebhookReceiver> {
  const received: ReceivedEvent[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ body, signature: String(request.headers['keel-signature']), event: JSON.parse(body) as ReceivedEvent['event'] });
      response.statusCode = status;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/keel-events`,
    received,
    close: () => {
      // Keel's client may keep its connection open: end it, or close() would wait for it.
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The `org.created` deliveries this receiver got for one organization. */
export function orgCreatedEventsFor(receiver: WebhookReceiver, orgId: string): ReceivedEvent[] {
  return receiver.received.filter((item) => item.event.type === 'org.created' && (item.event.data.organization as { id?: string } | undefined)?.id === orgId);
}
