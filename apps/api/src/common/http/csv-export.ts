import { stringify, type Stringifier } from 'csv-stringify';
import type { Response } from 'express';
import type { ClockService } from '../clock/clock.service';

// A spreadsheet evaluates a cell that starts with one of these as a formula (OWASP "CSV Injection", ASVS 5.0 1.2.10).
// A leading single quote gets one too, so that the quote can be taken off again exactly (restoreCell).
const FORMULA_TRIGGER = /^[=+\-@\t\r\0']/;

/** The cell as a spreadsheet will show it, as text: a leading formula character (or quote) gets a single quote before it. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_TRIGGER.test(cell) ? `'${cell}` : cell;
}

/** The value a CSV cell was written from (the inverse of neutraliseFormula); null for a cell that was empty and unquoted. */
export function restoreCell(cell: string | null): string | null {
  return cell !== null && cell.startsWith("'") ? cell.slice(1) : cell;
}

/**
 * The writer of every CSV export: a header row, RFC 4180 quoting, dates in ISO 8601, objects as
 * JSON, and no cell that a spreadsheet would run as a formula. An empty string is written `""` and a
 * null as nothing, so that a reader can tell them apart (the audit verifier must).
 */
export function csvExportStream(columns: readonly string[]): Stringifier {
  return stringify({
    header: true,
    columns: [...columns],
    quoted_match: /^$/,
    cast: {
      string: neutraliseFormula,
      date: (value) => value.toISOString(),
      object: (value) => neutraliseFormula(JSON.stringify(value)),
    },
  });
}

/** Headers of a CSV download named after what it holds and the day. */
export function startCsvDownload(response: Response, name: string, clock: ClockService): void {
  response.status(200);
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${name}-${clock.now().toISOString().slice(0, 10)}.csv"`);
  response.setHeader('Cache-Control', 'no-store');
}
