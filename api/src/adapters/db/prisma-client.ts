import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '../../generated/prisma/client.ts';

export type Db = PrismaClient;
/** The client or a transaction of it: repositories work on either. */
export type Client = Db | Prisma.TransactionClient;

export function createPrismaClient(connectionString: string, options: { maxConnections?: number } = {}): Db {
  const adapter = new PrismaPg({ connectionString, max: options.maxConnections ?? 10 });
  return new PrismaClient({ adapter });
}
