export default async function globalTeardown(): Promise<void> {
  await (globalThis as { keelTestDatabase?: { stop(): Promise<void> } }).keelTestDatabase?.stop();
}
