import path from 'node:path';
import { defineConfig } from 'prisma/config';

// The Prisma CLI insists on a native schema engine for every command, and these
// machines cannot download one. `generate` never runs it, so point the CLI at a
// script that explains itself if some command does try. Migrations are applied by
// api/src/adapters/db/migrate.ts instead (see api/README.md, "Decisions").
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve('scripts/no-schema-engine.sh');
process.env.CHECKPOINT_DISABLE ??= '1';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/mais' },
});
