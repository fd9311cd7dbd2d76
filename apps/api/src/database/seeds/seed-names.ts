// Fixed word lists from which the demo and scale data sets build their names: no faker needed.
// Plain ASCII without quotes, so that names are safe in e-mail addresses, slugs and SQL literals.

export const COMPANY_WORDS = [
  'Northwind', 'Bluefin', 'Copperleaf', 'Driftwood', 'Evergreen', 'Foxglove', 'Granite', 'Harborview', 'Ironbark', 'Juniper',
  'Kestrel', 'Lumen', 'Meridian', 'Nimbus', 'Oakridge', 'Pinnacle', 'Quarry', 'Redwood', 'Silverline', 'Tidewater',
  'Umber', 'Vantage', 'Willowbrook', 'Zephyr', 'Aurora', 'Beacon', 'Cascade', 'Deltaform', 'Emberly', 'Fathom',
  'Greenfield', 'Highland', 'Inkwell', 'Jetstream', 'Keystone', 'Lakeshore', 'Maplewood', 'Northstar', 'Orchard', 'Pathway',
  'Quillon', 'Riverbend', 'Sandstone', 'Timberline', 'Upland', 'Vertex', 'Westbrook', 'Yellowtail', 'Alpine', 'Brightwater',
  'Cobalt', 'Dunmore', 'Elmstead', 'Fernhill', 'Goldcrest', 'Hollowell', 'Ivory', 'Jasper', 'Kingsway', 'Larkspur',
  'Moonrise', 'Nettle', 'Oxbow', 'Pepperell', 'Quicksilver', 'Rosewood', 'Saltmarsh', 'Thornbury', 'Ultramarine', 'Valemont',
  'Wavecrest', 'Aspen', 'Blackfern', 'Clearwater', 'Duskfall', 'Eastgate', 'Firefly', 'Glacier', 'Hearthstone', 'Indigo',
] as const;

export const COMPANY_KINDS = [
  'Analytics', 'Labs', 'Logistics', 'Health', 'Robotics', 'Media', 'Foods', 'Energy', 'Bank', 'Systems',
  'Studios', 'Outfitters', 'Travel', 'Insurance', 'Software', 'Networks', 'Biotech', 'Retail', 'Capital', 'Games',
  'Mobility', 'Security', 'Learning', 'Pharma', 'Freight',
] as const;

// 64 of each, so that SQL can pick one with a bit mask.
export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Amelia', 'Oliver', 'Sophia', 'Elijah', 'Mia', 'James',
  'Harper', 'William', 'Evelyn', 'Benjamin', 'Abigail', 'Lucas', 'Emily', 'Henry', 'Ella', 'Alexander',
  'Chloe', 'Mateo', 'Aria', 'Daniel', 'Layla', 'Michael', 'Zoe', 'Samuel', 'Nora', 'Sebastian',
  'Hannah', 'Jack', 'Lily', 'Owen', 'Priya', 'Aarav', 'Mei', 'Hiroshi', 'Fatima', 'Omar',
  'Ingrid', 'Lars', 'Sofia', 'Diego', 'Amara', 'Kwame', 'Chen', 'Yuki', 'Anika', 'Ravi',
  'Elena', 'Marco', 'Leila', 'Tariq', 'Freya', 'Magnus', 'Isla', 'Finn', 'Nadia', 'Pavel',
  'Grace', 'Ethan', 'Ruth', 'Tomas',
] as const;

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Garcia', 'Brown', 'Miller', 'Davis', 'Martinez', 'Lopez', 'Wilson', 'Anderson',
  'Taylor', 'Thomas', 'Moore', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Nguyen', 'Hill', 'Green', 'Adams',
  'Baker', 'Nelson', 'Carter', 'Mitchell', 'Patel', 'Shah', 'Kim', 'Tanaka', 'Sato', 'Singh',
  'Kowalski', 'Novak', 'Jensen', 'Larsen', 'Rossi', 'Bianchi', 'Muller', 'Schmidt', 'Dubois', 'Moreau',
  'Okafor', 'Mensah', 'Haddad', 'Rahman', 'Ivanova', 'Petrov', 'Silva', 'Santos', 'Murphy', 'Kelly',
  'Fischer', 'Weber', 'Costa', 'Byrne',
] as const;

export const ACCOUNT_PURPOSES = ['Production', 'Staging', 'Data platform', 'Shared services', 'Sandbox', 'ML training', 'Marketing site', 'Disaster recovery', 'Development', 'Analytics'] as const;

export const PROVIDER_LABELS = { aws: 'AWS', azure: 'Azure', gcp: 'GCP' } as const;

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
