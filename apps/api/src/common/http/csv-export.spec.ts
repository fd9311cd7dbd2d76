import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { csvExportStream, neutraliseFormula, restoreCell } from './csv-export';

async function exportRows(columns: string[], rows: Record<string, unknown>[]): Promise<string> {
  return text(Readable.from(rows).pipe(csvExportStream(columns)));
}

describe('neutraliseFormula', () => {
  it.each(['=HYPERLINK("http://evil.example","click")', '+1+2', '-2+3', '@SUM(A1:A2)', '\tcmd', '\rcmd', '\0cmd', "'=already text", "'"])('puts a single quote before %j, and restoreCell takes it off', (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    expect(restoreCell(neutraliseFormula(cell))).toBe(cell);
  });

  it.each(['Acme Corp', 'budget.created', ' =with a space first', '', 'a=b', '2026-11-23T10:00:00.000Z'])('leaves %j as it is, and so does restoreCell', (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
    expect(restoreCell(cell)).toBe(cell);
  });
});

describe('csvExportStream', () => {
  it('writes a formula-leading cell as quoted text, keeping the rest of the row intact', async () => {
    const csv = await exportRows(['id', 'target_name', 'user_agent'], [{ id: 'a1', target_name: '=HYPERLINK("http://evil.example","x")', user_agent: '@SUM(1+1)' }]);
    expect(csv).toBe(`id,target_name,user_agent\na1,"'=HYPERLINK(""http://evil.example"",""x"")",'@SUM(1+1)\n`);
  });

  it('writes dates in ISO 8601, objects as JSON, nulls as empty cells and empty strings as quoted empty cells', async () => {
    const csv = await exportRows(['created_at', 'metadata', 'org_id', 'user_agent'], [{ created_at: new Date('2026-11-23T10:00:00Z'), metadata: { reason: '=1+1' }, org_id: null, user_agent: '' }]);
    expect(csv).toBe('created_at,metadata,org_id,user_agent\n2026-11-23T10:00:00.000Z,"{""reason"":""=1+1""}",,""\n');
  });

  it('quotes a cell holding a separator or a line break, so that nothing inside it starts a cell of its own', async () => {
    const csv = await exportRows(['name'], [{ name: 'x,=1+1' }, { name: 'line\n=1+1' }]);
    expect(csv).toBe('name\n"x,=1+1"\n"line\n=1+1"\n');
  });
});
