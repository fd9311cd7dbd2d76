import type { CreateOrgDto } from '@keel/api-client';

// The API's own rules (CreateOrgDto), checked first so that a typo gets a message beside its field.
const SLUG = /^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const ORG_NAME_MAX_LENGTH = 200;

export type NewOrgErrors = Partial<Record<'name' | 'slug' | 'owner_email', string>>;

export function validateNewOrg(org: CreateOrgDto): NewOrgErrors {
  const errors: NewOrgErrors = {};
  if (!org.name.trim()) errors.name = 'Enter the organization’s name';
  if (!SLUG.test(org.slug)) errors.slug = '3–63 lower-case letters, digits or hyphens, not starting or ending with a hyphen';
  if (!EMAIL.test(org.owner_email.trim())) errors.owner_email = 'Enter the owner’s e-mail address';
  return errors;
}

/** A slug suggested from the name: "Acme Corp." → "acme-corp". */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}
