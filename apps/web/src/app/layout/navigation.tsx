import type { Realm } from '@keel/shared';
import type { ReactNode } from 'react';
import {
  ActivityIcon,
  BellIcon,
  BuildingIcon,
  ChartIcon,
  CloudIcon,
  DevicesIcon,
  HomeIcon,
  KeyIcon,
  LifebuoyIcon,
  ListIcon,
  MailIcon,
  RefreshIcon,
  SettingsIcon,
  UsersIcon,
  WalletIcon,
  WebhookIcon,
} from '../../components/ui/icons';
import { can, type Permission, type Role } from '../../lib/authorization';
import { paths } from '../../lib/paths';

type NavigationLink = { label: string; to: string; icon: ReactNode; permission?: Permission; exact?: boolean };
type NavigationSection = { label: string; realm: Realm; permission?: Permission; links: NavigationLink[] };

// The console's menu; a section or link shows only to the roles that may open it (SPEC §9).
const SECTIONS: NavigationSection[] = [
  {
    label: 'Platform',
    realm: 'platform',
    permission: 'platform',
    links: [
      { label: 'Dashboard', to: paths.platform, icon: <HomeIcon />, exact: true },
      { label: 'Organizations', to: paths.platformOrgs, icon: <BuildingIcon /> },
      { label: 'Sync health', to: paths.platformSyncHealth, icon: <RefreshIcon /> },
      { label: 'Usage', to: paths.platformUsage, icon: <ChartIcon /> },
      { label: 'Active sessions', to: paths.platformSessions, icon: <DevicesIcon /> },
      { label: 'Staff', to: paths.platformStaff, icon: <UsersIcon /> },
      { label: 'Audit log', to: paths.platformAuditLog, icon: <ListIcon /> },
      { label: 'API keys', to: paths.platformApiKeys, icon: <KeyIcon /> },
      { label: 'Webhooks', to: paths.platformWebhooks, icon: <WebhookIcon /> },
      { label: 'Outbox', to: paths.platformOutbox, icon: <MailIcon /> },
    ],
  },
  {
    label: 'Support',
    realm: 'platform',
    permission: 'support',
    links: [
      { label: 'Tenant health', to: paths.support, icon: <ActivityIcon />, exact: true },
      { label: 'Support sessions', to: paths.supportSessions, icon: <LifebuoyIcon /> },
    ],
  },
  {
    label: 'Organization',
    realm: 'tenant',
    links: [
      { label: 'Dashboard', to: paths.tenantConsole, icon: <HomeIcon />, exact: true },
      { label: 'Cloud accounts', to: paths.tenantCloudAccounts, icon: <CloudIcon /> },
      { label: 'Budgets', to: paths.tenantBudgets, icon: <WalletIcon /> },
      { label: 'Alert rules', to: paths.tenantAlertRules, icon: <BellIcon /> },
      { label: 'Members', to: paths.tenantMembers, icon: <UsersIcon />, permission: 'orgMembers' },
      { label: 'Settings', to: paths.tenantSettings, icon: <SettingsIcon />, permission: 'orgSettings' },
      { label: 'My sessions', to: paths.tenantSessions, icon: <DevicesIcon /> },
      { label: 'Support access', to: paths.tenantSupportAccess, icon: <LifebuoyIcon />, permission: 'orgSupportAccess' },
      { label: 'Audit log', to: paths.tenantAuditLog, icon: <ListIcon />, permission: 'orgAuditLog' },
    ],
  },
];

export function navigationFor(realm: Realm, role: Role): NavigationSection[] {
  const allowed = (permission?: Permission) => !permission || can(role, permission);
  return SECTIONS.filter((section) => section.realm === realm && allowed(section.permission))
    .map((section) => ({ ...section, links: section.links.filter((link) => allowed(link.permission)) }))
    .filter((section) => section.links.length > 0);
}

export function isActiveLink(link: NavigationLink, pathname: string): boolean {
  return link.exact ? pathname === link.to : pathname === link.to || pathname.startsWith(`${link.to}/`);
}
