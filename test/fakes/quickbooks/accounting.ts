import { FaultError, invalid } from './errors.ts';
import {
  companyOf,
  recordsOf,
  type Company,
  type FakeQuickBooksState,
  type QuickBooksRecord,
} from './state.ts';

/**
 * The accounting API's part the sync uses: the query endpoint's `select * from <Entity> [where
 * <Field> = '<value>' [and …]] [maxresults N]`, and creating Customer, Item, SalesReceipt and
 * RefundReceipt with their rules that matter here (unique names, references that exist, lines).
 * `requestid` as QuickBooks honours it: a create repeated with the same requestid makes nothing and
 * answers what the first one answered.
 */

const QUERY = /^select \* from (\w+)(?: where (.+?))?(?: maxresults (\d+))?\s*$/i;
const CONDITION = /^\s*(\w+)\s*=\s*'((?:[^'\\]|\\.)*)'\s*$/;

export function query(state: FakeQuickBooksState, realmId: string, statement: string): object {
  const match = QUERY.exec(statement.trim());
  if (!match) throw invalid(`QueryParserError: Encountered an unexpected token in ${statement}`, '4000');
  const [, entity, where, max] = match;
  const conditions = (where ? where.split(/\s+and\s+/i) : []).map((condition) => {
    const parsed = CONDITION.exec(condition);
    if (!parsed) throw invalid(`QueryParserError: cannot read the condition ${condition}`, '4000');
    return { field: parsed[1]!, value: parsed[2]!.replace(/\\(.)/g, '$1') };
  });
  const company = companyOf(state, realmId);
  const found = [...recordsOf(company, entity!).values()]
    .filter((record) => conditions.every(({ field, value }) => String(record[field] ?? '') === value))
    .slice(0, max === undefined ? 1000 : Number(max));
  const time = state.now().toISOString();
  if (found.length === 0) return { QueryResponse: {}, time };
  return { QueryResponse: { [entity!]: found, startPosition: 1, maxResults: found.length }, time };
}

/** POST /v3/company/:realmId/<entity>?requestid=…: the answer's status and body. */
export function create(
  state: FakeQuickBooksState,
  realmId: string,
  entity: string,
  body: Record<string, unknown>,
  requestId: string | null,
): { status: number; body: object } {
  const company = companyOf(state, realmId);
  if (requestId !== null) {
    const answered = company.answered.get(requestId);
    if (answered) return answered;
  }
  let answer: { status: number; body: object };
  try {
    const record = make(state, company, entity, body);
    answer = { status: 200, body: { [entity]: record, time: state.now().toISOString() } };
  } catch (error) {
    if (!(error instanceof FaultError)) throw error;
    answer = { status: error.status, body: error.body() };
  }
  if (requestId !== null) company.answered.set(requestId, answer);
  return answer;
}

function make(state: FakeQuickBooksState, company: Company, entity: string, body: Record<string, unknown>) {
  switch (entity) {
    case 'Customer':
      return store(state, company, 'Customer', customer(company, body));
    case 'Item':
      return store(state, company, 'Item', item(company, body));
    case 'SalesReceipt':
    case 'RefundReceipt':
      return store(state, company, entity, receipt(company, entity, body));
    default:
      throw invalid(`Unsupported entity ${entity}`, '4001');
  }
}

function customer(company: Company, body: Record<string, unknown>) {
  const name = body.DisplayName;
  if (typeof name !== 'string' || name.trim() === '' || name.length > 500 || /[:\t\n]/.test(name))
    throw invalid('DisplayName is required, at most 500 characters, without colons, tabs or newlines.');
  if (sameName(company, 'Customer', 'DisplayName', name))
    throw invalid(`Duplicate Name Exists Error: The name supplied already exists. : ${name}`, '6240');
  return { ...body, DisplayName: name, Active: true };
}

function item(company: Company, body: Record<string, unknown>) {
  const name = body.Name;
  if (typeof name !== 'string' || name.trim() === '' || name.length > 100 || /[:\t\n]/.test(name))
    throw invalid('Name is required, at most 100 characters, without colons, tabs or newlines.');
  if (sameName(company, 'Item', 'Name', name))
    throw invalid(`Duplicate Name Exists Error: The name supplied already exists. : ${name}`, '6240');
  if (body.Type !== 'Service') throw invalid('Type must be Service here.');
  const income = ref(body.IncomeAccountRef);
  if (!income || recordsOf(company, 'Account').get(income)?.AccountType !== 'Income')
    throw invalid('IncomeAccountRef must be an income account.', '2500');
  return { ...body, Active: true };
}

function receipt(company: Company, entity: string, body: Record<string, unknown>) {
  const customerId = ref(body.CustomerRef);
  if (!customerId || !recordsOf(company, 'Customer').has(customerId))
    throw invalid('Invalid Reference Id: CustomerRef', '2500');
  const lines = body.Line;
  if (!Array.isArray(lines) || lines.length === 0) throw invalid('Line is required.');
  let total = 0;
  for (const line of lines as Array<Record<string, unknown>>) {
    const detail = line.SalesItemLineDetail as Record<string, unknown> | undefined;
    const itemId = ref(detail?.ItemRef);
    if (line.DetailType !== 'SalesItemLineDetail' || !itemId || !recordsOf(company, 'Item').has(itemId))
      throw invalid('Invalid Reference Id: ItemRef', '2500');
    if (typeof line.Amount !== 'number' || !(line.Amount >= 0))
      throw invalid('Line Amount must be a number.');
    total += Math.round(line.Amount * 1000);
  }
  if (body.TxnDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(body.TxnDate)))
    throw invalid('TxnDate must be a date yyyy-MM-dd.');
  const account = ref(body.DepositToAccountRef);
  if (account !== null && !recordsOf(company, 'Account').has(account))
    throw invalid('Invalid Reference Id: DepositToAccountRef', '2500');
  if (entity === 'RefundReceipt' && account === null)
    throw invalid(
      'Required param missing, need to supply the required value for the API: DepositToAccountRef',
      '2020',
    );
  return { ...body, TotalAmt: total / 1000 };
}

function store(
  state: FakeQuickBooksState,
  company: Company,
  entity: string,
  fields: Record<string, unknown>,
) {
  const id = String(company.nextId++);
  const now = state.now().toISOString();
  const record: QuickBooksRecord = {
    ...fields,
    Id: id,
    SyncToken: '0',
    MetaData: { CreateTime: now, LastUpdatedTime: now },
  };
  recordsOf(company, entity).set(id, record);
  return record;
}

function sameName(company: Company, entity: string, field: string, name: string): boolean {
  const wanted = name.trim().toLowerCase();
  return [...recordsOf(company, entity).values()].some(
    (r) => String(r[field]).trim().toLowerCase() === wanted,
  );
}

function ref(value: unknown): string | null {
  const id = (value as { value?: unknown } | null | undefined)?.value;
  return typeof id === 'string' && id !== '' ? id : null;
}
