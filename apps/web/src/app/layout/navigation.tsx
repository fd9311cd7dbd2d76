import type { Realm } from '@keel/shared';
import type { ReactNode } from 'react';
import { HomeIcon, LifebuoyIcon, ListIcon } from '../../components/ui/icons';
import { can, type Permission, type Role } from '../../lib/authorization';
import { paths } from '../../lib/paths';

type NavigationLink = { label: string; to: string; icon: ReactNode; permission?: Permission; exact?: boolean };
type NavigationSection = { label: string; realm: Realm; permission?: Permission; links: NavigationLink[] };

// The console's menu; a section or link shows only to the roles that may open it (SPEC §9).
const SECTIONS: NavigationSection[] = [
  { label: 'Platform', realm: 'platform', permission: 'platform', links: [{ label: 'Audit log', to: paths.platformAuditLog, icon: <ListIcon /> }] },
  { label: 'Support', realm: 'platform', permission: 'support', links: [{ label: 'Support console', to: paths.support, icon: <LifebuoyIcon /> }] },
  {
    label: 'Organization',
    realm: 'tenant',
    links: [
      { label: 'Dashboard', to: paths.tenantConsole, icon: <HomeIcon />, exact: true },
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
