/** Query keys of the integrations pages: a mutation invalidates the list it changed. */
export const apiKeyKeys = {
  list: () => ['api-keys'] as const,
};

export const webhookKeys = {
  all: () => ['webhooks'] as const,
  list: () => [...webhookKeys.all(), 'list'] as const,
  deliveries: (webhookId: string) => [...webhookKeys.all(), 'deliveries', webhookId] as const,
};
