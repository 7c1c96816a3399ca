import { NotFoundError } from '../../../domain/errors.ts';
import type {
  InvoiceDetails,
  InvoiceInput,
  IssuedInvoice,
} from '../../../domain/invoices/invoice-details.ts';
import type { InvoiceRecordData } from '../../../domain/invoices/invoice-layout.ts';
import type { ReceiptMovement } from '../../../domain/invoices/receipt-layout.ts';
import type { Invoice, Prisma } from '../../../generated/prisma/client.ts';
import type {
  InvoiceDto,
  InvoiceSettingsDto,
  InvoiceSettingsFields,
} from '../../../schemas/invoice.schemas.ts';
import { pageQuery, toPage, type Page } from '../pagination.ts';
import type { Client } from '../prisma-client.ts';

export interface InvoiceRecord extends InvoiceRecordData {
  id: string;
  appointmentId: string;
}

export interface InvoiceLogo {
  bytes: Uint8Array;
  type: 'image/png' | 'image/jpeg';
}

const MONEY_IN = [
  'CHARGE',
  'DEPOSIT',
  'BALANCE_CARD',
  'BALANCE_VENUE',
  'NO_SHOW_FEE',
  'NO_SHOW_FEE_VENUE',
] as const;

/**
 * Invoices (numbered per tenant without gaps), the tenant's invoice settings and the money a
 * receipt lists. Bound to one tenant; also part of the tenant's transactions (tenant-scope.ts),
 * because an invoice is issued inside the one that records the first money.
 */
export class InvoicesRepository {
  constructor(
    private readonly db: Client,
    private readonly tenantId: string,
  ) {}

  async existsFor(appointmentId: string): Promise<boolean> {
    const row = await this.db.invoice.findFirst({
      where: { tenantId: this.tenantId, appointmentId },
      select: { id: true },
    });
    return row !== null;
  }

  /** What issuing an invoice for the booking needs: the business, its settings, the booking, the service. */
  async issueData(
    appointmentId: string,
  ): Promise<Omit<InvoiceInput, 'firstPaymentKind'> & { currency: string }> {
    const appointment = await this.db.appointment.findFirst({
      where: { tenantId: this.tenantId, id: appointmentId },
      include: { service: { select: { name: true } }, tenant: { select: { name: true } } },
    });
    if (!appointment) throw new NotFoundError('Appointment', appointmentId);
    return {
      tenantName: appointment.tenant.name,
      settings: await this.settingsData(),
      appointment,
      serviceName: appointment.service.name,
      currency: appointment.currency,
    };
  }

  /**
   * The tenant's next invoice number. The counter's row stays locked until the transaction ends:
   * concurrent issuers of one tenant wait their turn, and a rollback returns the number (no gap).
   * Call it last in the transaction, so the lock is held briefly.
   */
  async takeNextNumber(): Promise<number> {
    const [row] = await this.db.$queryRaw<Array<{ lastNumber: number }>>`
      INSERT INTO invoice_counters ("tenantId", "lastNumber") VALUES (${this.tenantId}::uuid, 1)
      ON CONFLICT ("tenantId") DO UPDATE SET "lastNumber" = invoice_counters."lastNumber" + 1
      RETURNING "lastNumber"`;
    return row!.lastNumber;
  }

  async insert(input: {
    appointmentId: string;
    number: number;
    currency: string;
    issuedAt: Date;
    invoice: IssuedInvoice;
  }): Promise<InvoiceRecord> {
    const { invoice } = input;
    const row = await this.db.invoice.create({
      data: {
        tenantId: this.tenantId,
        appointmentId: input.appointmentId,
        number: input.number,
        currency: input.currency,
        issuedAt: input.issuedAt,
        subtotalCents: invoice.subtotalCents,
        taxCents: invoice.taxCents,
        totalCents: invoice.totalCents,
        taxRateBasisPoints: invoice.taxRateBasisPoints,
        taxInclusive: invoice.taxInclusive,
        details: invoice.details as unknown as Prisma.InputJsonValue,
      },
    });
    return toRecord(row);
  }

  async get(id: string): Promise<InvoiceRecord> {
    const row = await this.db.invoice.findFirst({ where: { tenantId: this.tenantId, id } });
    if (!row) throw new NotFoundError('Invoice', id);
    return toRecord(row);
  }

  async forAppointment(appointmentId: string): Promise<InvoiceRecord | null> {
    const row = await this.db.invoice.findFirst({ where: { tenantId: this.tenantId, appointmentId } });
    return row && toRecord(row);
  }

  /** One page of the invoices issued in [from, to) (all when no period), oldest first. */
  async list(
    period: { from: Date; to: Date } | null,
    query: { cursor?: string; limit: number },
  ): Promise<Page<InvoiceDto>> {
    const page = pageQuery(query.cursor, query.limit, 'issuedAt');
    const rows = await this.db.invoice.findMany({
      ...page,
      where: {
        ...page.where,
        tenantId: this.tenantId,
        ...(period ? { issuedAt: { gte: period.from, lt: period.to } } : {}),
      },
      include: { appointment: { select: { status: true, paymentStatus: true } } },
    });
    return toPage(rows, query.limit, toInvoiceDto, 'issuedAt');
  }

  /**
   * The booking's client money from the ledger, oldest first: each payment (one row per payment)
   * and each refund (one row per refund), so a receipt agrees with the reports to the cent.
   */
  async movements(appointmentId: string): Promise<ReceiptMovement[]> {
    const rows = await this.db.ledgerEntry.findMany({
      where: {
        tenantId: this.tenantId,
        appointmentId,
        OR: [
          { kind: { in: [...MONEY_IN] }, paymentId: { not: null } },
          { kind: 'REFUND', refundId: { not: null } },
        ],
      },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map((row) => ({
      type: row.kind === 'REFUND' ? 'refund' : 'payment',
      id: (row.kind === 'REFUND' ? row.refundId : row.paymentId)!,
      at: row.occurredAt,
      method:
        row.kind === 'BALANCE_VENUE' || row.kind === 'NO_SHOW_FEE_VENUE' || !row.stripeObjectId
          ? 'venue'
          : 'card',
      amountCents: Math.abs(row.amountCents),
    }));
  }

  async settings(): Promise<InvoiceSettingsDto> {
    const [tenant, row] = await Promise.all([
      this.db.tenant.findUniqueOrThrow({ where: { id: this.tenantId }, select: { name: true } }),
      this.db.invoiceSettings.findUnique({ where: { tenantId: this.tenantId } }),
    ]);
    return {
      legalName: row?.legalName ?? tenant.name,
      address: row?.address ?? null,
      taxId: row?.taxId ?? null,
      taxRateBasisPoints: row?.taxRateBasisPoints ?? 0,
      taxInclusive: row?.taxInclusive ?? true,
      logo: row?.logo ? { type: row.logoType as InvoiceLogo['type'], bytes: row.logo.byteLength } : null,
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  }

  /** Changes the fields given (logo null: removed, undefined: kept); the others stay. */
  async saveSettings(
    fields: InvoiceSettingsFields,
    logo: InvoiceLogo | null | undefined,
    now: Date,
  ): Promise<void> {
    const logoData =
      logo === undefined
        ? {}
        : logo === null
          ? { logo: null, logoType: null }
          : { logo: Buffer.from(logo.bytes) as Uint8Array<ArrayBuffer>, logoType: logo.type };
    await this.db.invoiceSettings.upsert({
      where: { tenantId: this.tenantId },
      create: { tenantId: this.tenantId, ...fields, ...logoData, updatedAt: now },
      update: { ...fields, ...logoData, updatedAt: now },
    });
  }

  async logo(): Promise<InvoiceLogo | null> {
    const row = await this.db.invoiceSettings.findUnique({
      where: { tenantId: this.tenantId },
      select: { logo: true, logoType: true },
    });
    if (!row?.logo || !row.logoType) return null;
    return { bytes: row.logo, type: row.logoType as InvoiceLogo['type'] };
  }

  private async settingsData() {
    const row = await this.db.invoiceSettings.findUnique({ where: { tenantId: this.tenantId } });
    return {
      legalName: row?.legalName ?? null,
      address: row?.address ?? null,
      taxId: row?.taxId ?? null,
      taxRateBasisPoints: row?.taxRateBasisPoints ?? 0,
      taxInclusive: row?.taxInclusive ?? true,
    };
  }
}

function toRecord(row: Invoice): InvoiceRecord {
  return {
    id: row.id,
    appointmentId: row.appointmentId,
    number: row.number,
    issuedAt: row.issuedAt,
    currency: row.currency,
    subtotalCents: row.subtotalCents,
    taxCents: row.taxCents,
    totalCents: row.totalCents,
    taxRateBasisPoints: row.taxRateBasisPoints,
    taxInclusive: row.taxInclusive,
    details: row.details as unknown as InvoiceDetails,
  };
}

function toInvoiceDto(
  row: Invoice & {
    appointment: { status: InvoiceDto['appointmentStatus']; paymentStatus: InvoiceDto['paymentStatus'] };
  },
): InvoiceDto {
  const record = toRecord(row);
  return {
    id: record.id,
    number: record.number,
    appointmentId: record.appointmentId,
    issuedAt: record.issuedAt.toISOString(),
    currency: record.currency,
    subtotalCents: record.subtotalCents,
    taxCents: record.taxCents,
    totalCents: record.totalCents,
    taxRateBasisPoints: record.taxRateBasisPoints,
    taxInclusive: record.taxInclusive,
    clientName: record.details.client.name,
    clientEmail: record.details.client.email,
    lines: record.details.lines.map((line) => ({
      kind: line.kind,
      description: line.description,
      quantity: line.quantity,
      amountCents: line.amountCents,
    })),
    appointmentStatus: row.appointment.status,
    paymentStatus: row.appointment.paymentStatus,
  };
}
