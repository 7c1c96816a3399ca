/**
 * Lists from the API are pages `{ data, nextCursor }`. A PagePromise is both the first page (await it)
 * and every item of every page (`for await (const item of admin.appointments.list())`), following
 * `nextCursor` only as far as the caller iterates (openai-node's PagePromise).
 */

export interface Page<Item> {
  data: Item[];
  nextCursor: string | null;
}

export type PageFetcher<Item> = (cursor: string | undefined) => Promise<Page<Item>>;

export class PagePromise<Item> implements Promise<Page<Item>>, AsyncIterable<Item> {
  readonly [Symbol.toStringTag] = 'PagePromise';
  readonly #fetchPage: PageFetcher<Item>;
  #first: Promise<Page<Item>> | undefined;

  constructor(fetchPage: PageFetcher<Item>) {
    this.#fetchPage = fetchPage;
  }

  /** The first page, fetched once however often it is awaited. */
  firstPage(): Promise<Page<Item>> {
    this.#first ??= this.#fetchPage(undefined);
    return this.#first;
  }

  then<Result1 = Page<Item>, Result2 = never>(
    onFulfilled?: ((page: Page<Item>) => Result1 | PromiseLike<Result1>) | null,
    onRejected?: ((reason: unknown) => Result2 | PromiseLike<Result2>) | null,
  ): Promise<Result1 | Result2> {
    return this.firstPage().then(onFulfilled, onRejected);
  }

  catch<Result = never>(
    onRejected?: ((reason: unknown) => Result | PromiseLike<Result>) | null,
  ): Promise<Page<Item> | Result> {
    return this.firstPage().catch(onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<Page<Item>> {
    return this.firstPage().finally(onFinally);
  }

  /** Every page in turn, starting with the first. */
  async *pages(): AsyncGenerator<Page<Item>, void, undefined> {
    let page = await this.firstPage();
    yield page;
    while (page.nextCursor !== null) {
      page = await this.#fetchPage(page.nextCursor);
      yield page;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) yield* page.data;
  }

  /** Every item of every page in one array. Mind the size of what you ask for. */
  async toArray(): Promise<Item[]> {
    const items: Item[] = [];
    for await (const item of this) items.push(item);
    return items;
  }
}
