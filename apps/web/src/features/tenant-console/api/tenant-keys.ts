/** Query keys of the tenant console's read-only data; the org's resources have theirs in `org-resource.ts`. */
export const orgKeys = {
  all: ['org'] as const,
  members: (page: number) => ['org', 'members', page] as const,
};

export const costKeys = {
  all: ['costs'] as const,
  summary: (range: { from: string; to: string }) => ['costs', 'summary', range] as const,
};

export const insightKeys = {
  all: ['insights'] as const,
  anomalies: (limit: number) => ['insights', 'anomaly-alerts', limit] as const,
  recommendations: (limit: number) => ['insights', 'recommendations', limit] as const,
};

export const mySessionKeys = {
  all: ['my-sessions'] as const,
};
