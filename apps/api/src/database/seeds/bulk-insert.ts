/** Anything that runs a parameterised query: a TypeORM EntityManager or a node-postgres client. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** A column of a bulk insert: its name and the PostgreSQL type its array is cast to. */
export type BulkColumn = readonly [name: string, type: string];

const ROWS_PER_STATEMENT = 5_000;

/**
 * Inserts many rows with one statement per batch: one array per column, zipped by unnest(), so
 * a batch costs a handful of parameters however many rows it holds.
 */
export async function insertRows(runner: SqlRunner, table: string, columns: readonly BulkColumn[], rows: readonly (readonly unknown[])[], rowsPerStatement = ROWS_PER_STATEMENT): Promise<number> {
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const arrays = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ');
  const sql = `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})`;
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const batch = rows.slice(start, start + rowsPerStatement);
    await runner.query(
      sql,
      columns.map((column, index) => batch.map((row) => serialize(row[index], column[1]))),
    );
  }
  return rows.length;
}

// jsonb values travel as text inside a text[]-shaped literal; everything else as node-postgres sends it.
function serialize(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'jsonb') return JSON.stringify(value);
  return value;
}
