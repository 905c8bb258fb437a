/** Entry point of dist/server.js, the language server the VS Code client starts. */
import { startServer } from './start-server';

void startServer().catch((e: unknown) => {
  process.stderr.write(`moat language server failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
