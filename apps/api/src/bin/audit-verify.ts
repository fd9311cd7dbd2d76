import { readFileSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { fromAuditKeySet, type AuditKeySet } from '../modules/audit/audit-checkpoint';
import { verifyAuditCsv } from '../modules/audit/audit-csv';

const USAGE = 'usage: npm run audit:verify -- <export.csv> [--keys <keys.json or https://…/.well-known/keel-audit-keys.json>] [--allow-gaps]';

/**
 * Checks an audit CSV export offline: every row's hash, every link, every checkpoint's signature
 * (with the keys published at /.well-known/keel-audit-keys.json). Prints a verdict; 0 = OK, 1 = not.
 */
export async function auditVerify(args: string[], print: (line: string) => void): Promise<number> {
  const keysAt = args.indexOf('--keys');
  const keysSource = keysAt >= 0 ? args[keysAt + 1] : undefined;
  const allowGaps = args.includes('--allow-gaps');
  const files = args.filter((arg, index) => !arg.startsWith('--') && (keysAt < 0 || index !== keysAt + 1));
  if (files.length !== 1 || (keysAt >= 0 && !keysSource)) {
    print(USAGE);
    return 2;
  }
  const keys = keysSource ? await loadKeys(keysSource) : null;
  const result = verifyAuditCsv(readFileSync(files[0], 'utf8'), keys, { allowGaps });
  print(`${files[0]}: ${result.rows} entries in ${result.chains} chain(s)`);
  print(`  proven by a signed checkpoint:            ${result.proven}`);
  print(`  hashes hold, no checkpoint covers them yet: ${result.linkedOnly}`);
  print(`  not sealed yet (no hash to check):         ${result.unsealed}`);
  print(keys ? `  valid checkpoint signatures:               ${result.validCheckpoints}` : '  checkpoint signatures NOT checked: give --keys');
  for (const gap of result.gaps) print(`  gap: ${gap}${allowGaps ? '' : ' (a filtered export? then pass --allow-gaps)'}`);
  for (const problem of result.problems) print(`  FAILED ${problem}`);
  print(result.ok ? 'VERDICT: OK' : 'VERDICT: FAILED');
  return result.ok ? 0 : 1;
}

async function loadKeys(source: string): Promise<Map<string, KeyObject>> {
  const text = /^https?:\/\//.test(source) ? await (await fetch(source)).text() : readFileSync(source, 'utf8');
  return fromAuditKeySet(JSON.parse(text) as AuditKeySet);
}

if (require.main === module) {
  auditVerify(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`))
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      process.stderr.write(`audit:verify: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    });
}
