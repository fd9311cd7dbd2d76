import type { ReactNode } from 'react';

/**
 * How a support page offers "Create support session" for one org. The support-sessions feature
 * provides it, and the app composes the two (features do not import each other).
 */
export type SupportSessionAction = (org: { orgId: string; orgName: string; compact: boolean }) => ReactNode;
