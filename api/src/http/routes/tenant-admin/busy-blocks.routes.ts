import { DateTime } from 'luxon';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ValidationError } from '../../../domain/errors.ts';
import {
  BUSY_BLOCK_MAX_DAYS,
  BusyBlockListQuery,
  BusyBlockListSchema,
} from '../../../schemas/busy-block.schemas.ts';
import { authenticatedErrors } from '../../../schemas/common.ts';

const tags = ['Providers'];
const security = [{ secretKey: [] }];

export const busyBlocksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/busy-blocks', {
    config: { access: 'provider', owns: 'busyBlockList' },
    schema: {
      tags,
      security,
      summary: "List providers' busy times from their own calendars",
      description:
        'Times a provider is busy outside MAIS (Google Calendar), which no booking may take: when only, ' +
        `never the event's title. Days in the tenant's zone, at most ${BUSY_BLOCK_MAX_DAYS} of them.`,
      querystring: BusyBlockListQuery,
      response: { 200: BusyBlockListSchema, ...authenticatedErrors },
    },
    handler: async (request) => {
      const { startDate, endDate, providerId } = request.query;
      const zone = request.auth!.tenant.timezone;
      if (endDate < startDate) {
        throw new ValidationError('endDate is before startDate.', [
          { path: 'endDate', message: 'must not be before startDate' },
        ]);
      }
      // Calendar days, counted on the dates themselves (a day of a clock change is still one day).
      const days = (Date.parse(endDate) - Date.parse(startDate)) / 86_400_000 + 1;
      if (days > BUSY_BLOCK_MAX_DAYS) {
        throw new ValidationError(`Ask for at most ${BUSY_BLOCK_MAX_DAYS} days at a time.`, [
          { path: 'endDate', message: `must be at most ${BUSY_BLOCK_MAX_DAYS} days after startDate` },
        ]);
      }
      const from = DateTime.fromISO(startDate, { zone });
      const to = DateTime.fromISO(endDate, { zone }).plus({ days: 1 });
      const data = await request.scope.busyBlocks.list(
        { from: from.toJSDate(), to: to.toJSDate(), ...(providerId ? { providerId } : {}) },
        zone,
      );
      return { data };
    },
  });
};
