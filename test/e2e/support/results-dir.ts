import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where a run keeps its artefacts (server.json, screenshots, the report): test-results/e2e, or
 * E2E_OUTPUT when set, so that two runs at once (each on its own E2E_PORT) do not share files.
 */
export const E2E_RESULTS = process.env.E2E_OUTPUT
  ? path.resolve(process.env.E2E_OUTPUT)
  : fileURLToPath(new URL('../../../test-results/e2e', import.meta.url));
