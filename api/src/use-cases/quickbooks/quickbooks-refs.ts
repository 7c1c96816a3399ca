import { createHash } from 'node:crypto';
import type { QuickBooksApi } from '../../adapters/quickbooks/quickbooks-api.ts';
import { QuickBooksRefusedError } from '../../adapters/quickbooks/quickbooks-errors.ts';
import { customerDisplayName, itemName, queryLiteral } from '../../domain/quickbooks/receipts.ts';

/** QuickBooks' fault code for a name already used (https://developer.intuit.com/app/developer/qbo/docs/develop/troubleshooting/error-codes). */
const DUPLICATE_NAME = '6240';

/**
 * The records a receipt points at, found or created once per push run: a customer per client (by
 * DisplayName), an item per service (by Name, a Service item earning into the company's first
 * income account) and, for refunds, the bank account they are paid from. Creates carry a requestid
 * derived from the company and the name, so a create whose answer was lost is not made twice; a
 * name another push created meanwhile (fault 6240) is read again.
 */
export class QuickBooksRefs {
  private readonly memo = new Map<string, Promise<string | null>>();

  constructor(
    private readonly api: QuickBooksApi,
    private readonly realmId: string,
  ) {}

  customer(clientName: string, clientEmail: string): Promise<string> {
    const name = customerDisplayName(clientName, clientEmail);
    return this.findOrCreate('Customer', 'DisplayName', name, () => ({
      DisplayName: name,
      PrimaryEmailAddr: { Address: clientEmail },
    })) as Promise<string>;
  }

  async item(serviceName: string): Promise<string> {
    const name = itemName(serviceName);
    const income = await this.account('Income');
    if (!income)
      throw new QuickBooksRefusedError('QuickBooks: the company has no income account for services', null);
    return this.findOrCreate('Item', 'Name', name, () => ({
      Name: name,
      Type: 'Service',
      IncomeAccountRef: { value: income },
    })) as Promise<string>;
  }

  /** The company's first account of this type, or null. */
  account(type: 'Income' | 'Bank'): Promise<string | null> {
    return this.once(`Account:${type}`, async () => {
      const found = await this.api.query(
        'Account',
        `select * from Account where AccountType = ${queryLiteral(type)} maxresults 1`,
      );
      return found[0]?.Id ?? null;
    });
  }

  private findOrCreate(
    entity: 'Customer' | 'Item',
    field: 'DisplayName' | 'Name',
    name: string,
    body: () => object,
  ): Promise<string | null> {
    const find = async () =>
      (await this.api.query(entity, `select * from ${entity} where ${field} = ${queryLiteral(name)}`))[0]?.Id;
    return this.once(`${entity}:${name}`, async () => {
      const found = await find();
      if (found) return found;
      try {
        return (await this.api.create(entity, body(), this.requestId(entity, name))).Id;
      } catch (error) {
        if (!(error instanceof QuickBooksRefusedError && error.reason === DUPLICATE_NAME)) throw error;
        const made = await find();
        if (!made) throw error;
        return made;
      }
    });
  }

  private once(key: string, load: () => Promise<string | null>): Promise<string | null> {
    let found = this.memo.get(key);
    if (!found) {
      found = load();
      this.memo.set(key, found);
      found.catch(() => this.memo.delete(key));
    }
    return found;
  }

  /** 43 characters: QuickBooks takes 50 at most. */
  private requestId(entity: string, name: string): string {
    const digest = createHash('sha256').update(`${this.realmId}\n${entity}\n${name}`).digest('hex');
    return `${entity === 'Customer' ? 'cu' : 'it'}-${digest.slice(0, 40)}`;
  }
}
