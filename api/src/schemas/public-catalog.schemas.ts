import { z } from 'zod';
import { Uuid } from './common.ts';
import { IntakeFieldSchema } from './intake-field.schemas.ts';
import { PublicLocationSchema } from './location.schemas.ts';
import { ServiceSchema } from './service.schemas.ts';

export const PublicServiceSchema = ServiceSchema.pick({
  id: true,
  name: true,
  description: true,
  durationMinutes: true,
  capacity: true,
  priceBaseCents: true,
  currency: true,
  paymentMode: true,
  depositCents: true,
  depositPercent: true,
  noShowFeeCents: true,
  noShowFeePercent: true,
  sortOrder: true,
})
  .extend({
    providers: z.array(
      z.object({
        id: Uuid,
        name: z.string(),
        priceCents: z
          .number()
          .int()
          .meta({ description: "This provider's price: an override or the base price." }),
        dueAtBookingCents: z.number().int().meta({
          description:
            'What one seat with this provider costs at booking: the deposit, the full price, or 0.',
        }),
      }),
    ),
    dueAtBookingCents: z
      .number()
      .int()
      .meta({
        description:
          'What one seat at the base price costs at booking (the deposit, the full price, or 0); ' +
          "a provider's own price may change it: see providers[].dueAtBookingCents.",
      }),
    intakeFields: z.array(IntakeFieldSchema.omit({ serviceId: true })),
    location: PublicLocationSchema.nullable().meta({
      description: 'Where the service is performed (an active location), or null.',
    }),
  })
  .meta({ id: 'PublicService' });
export type PublicServiceDto = z.infer<typeof PublicServiceSchema>;

export const PublicServiceListSchema = z.object({ data: z.array(PublicServiceSchema), nextCursor: z.null() });
