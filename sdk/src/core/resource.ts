import type { BaseClient } from '../client.ts';

/** A group of API methods (services, appointments…) sharing the client that sends them. */
export abstract class ApiResource<Client extends BaseClient = BaseClient> {
  protected readonly client: Client;

  constructor(client: Client) {
    this.client = client;
  }
}
