import { NotFoundError, ValidationError } from '../../../domain/errors.ts';
import type { IntakeFormField, Prisma } from '../../../generated/prisma/client.ts';
import type { IntakeFieldDto, PutIntakeFieldsBody } from '../../../schemas/intake-field.schemas.ts';
import type { Db } from '../prisma-client.ts';

function toIntakeFieldDto(row: IntakeFormField): IntakeFieldDto {
  const { id, serviceId, label, fieldType, required, options, placeholder, sortOrder } = row;
  return { id, serviceId, label, fieldType, required, options, placeholder, sortOrder };
}

/** A service's intake form: the questions a client answers when booking it. */
export class IntakeFieldsRepository {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {}

  /** The active fields, in form order. */
  async list(serviceId: string): Promise<IntakeFieldDto[]> {
    const found = await this.db.service.findFirst({ where: { id: serviceId, tenantId: this.tenantId } });
    if (!found) throw new NotFoundError('Service', serviceId);
    return this.activeFields(this.db, serviceId);
  }

  /**
   * Makes the service's form exactly `body`, in one transaction: items with an
   * id update that field, others are created, and fields left out are deleted,
   * or only deactivated when answers refer to them (their history must stay).
   */
  async replace(serviceId: string, body: PutIntakeFieldsBody): Promise<IntakeFieldDto[]> {
    assertDistinctIds(body);
    return this.db.$transaction(async (tx) => {
      // Locks the service row so concurrent replacements of one form run one after the other.
      const service = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "services" WHERE "id" = ${serviceId}::uuid AND "tenantId" = ${this.tenantId}::uuid
        FOR UPDATE`;
      if (service.length === 0) throw new NotFoundError('Service', serviceId);

      const existing = await tx.intakeFormField.findMany({
        where: { tenantId: this.tenantId, serviceId },
        select: { id: true },
      });
      const existingIds = new Set(existing.map((row) => row.id));
      const unknown = body.find((item) => item.id !== undefined && !existingIds.has(item.id));
      if (unknown?.id) throw new NotFoundError('Intake field', unknown.id);

      const keptIds = new Set(body.flatMap((item) => (item.id ? [item.id] : [])));
      const removedIds = [...existingIds].filter((id) => !keptIds.has(id));
      if (removedIds.length > 0) {
        const answered = await tx.intakeFormResponse.findMany({
          where: { tenantId: this.tenantId, fieldId: { in: removedIds } },
          distinct: ['fieldId'],
          select: { fieldId: true },
        });
        const answeredIds = answered.map((row) => row.fieldId);
        await tx.intakeFormField.updateMany({
          where: { tenantId: this.tenantId, id: { in: answeredIds } },
          data: { active: false },
        });
        await tx.intakeFormField.deleteMany({
          where: {
            tenantId: this.tenantId,
            id: { in: removedIds.filter((id) => !answeredIds.includes(id)) },
          },
        });
      }

      for (const [sortOrder, item] of body.entries()) {
        const data = {
          label: item.label,
          fieldType: item.fieldType,
          required: item.required,
          options: item.options ?? [],
          placeholder: item.placeholder ?? null,
          sortOrder,
          active: true,
        };
        if (item.id) {
          await tx.intakeFormField.update({ where: { id: item.id, tenantId: this.tenantId }, data });
        } else {
          await tx.intakeFormField.create({ data: { ...data, tenantId: this.tenantId, serviceId } });
        }
      }
      return this.activeFields(tx, serviceId);
    });
  }

  private async activeFields(db: Prisma.TransactionClient, serviceId: string): Promise<IntakeFieldDto[]> {
    const rows = await db.intakeFormField.findMany({
      where: { tenantId: this.tenantId, serviceId, active: true },
      orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toIntakeFieldDto);
  }
}

/** One field cannot take two places in the form. */
function assertDistinctIds(body: PutIntakeFieldsBody): void {
  const seen = new Set<string>();
  body.forEach((item, index) => {
    if (item.id === undefined) return;
    if (seen.has(item.id)) {
      throw new ValidationError('A field appears twice in the form.', [
        { path: `${index}.id`, message: 'appears more than once' },
      ]);
    }
    seen.add(item.id);
  });
}
