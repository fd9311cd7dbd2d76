import type { Response } from 'express';
import type { ClockService } from '../../common/clock/clock.service';

/** Headers of a CSV download named after the log and the day. */
export function startCsvDownload(response: Response, logName: string, clock: ClockService): void {
  response.status(200);
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${logName}-${clock.now().toISOString().slice(0, 10)}.csv"`);
  response.setHeader('Cache-Control', 'no-store');
}
