/** The email to a tenant's owners when an endpoint is turned off for failing (in English, as staff emails). */
export const ENDPOINT_DISABLED_KIND = 'webhook-endpoint-disabled';

export function endpointDisabledMessage(input: {
  businessName: string;
  url: string;
  lastError: string | null;
  consoleUrl: string;
}): { subject: string; textBody: string } {
  return {
    subject: `${input.businessName}: a webhook endpoint was turned off`,
    textBody: [
      'Hello,',
      '',
      `Every attempt to deliver an event to ${input.url} failed for about three days, so MAIS Scheduling`,
      'stopped sending to it.',
      input.lastError ? `The last attempt: ${input.lastError}` : '',
      '',
      'Fix the endpoint, then turn it back on in the console (Settings, Webhooks) or with',
      'PATCH /v1/tenant-admin/webhook-endpoints/:id {"enabled": true}; failed deliveries can be sent',
      'again from their delivery log.',
      input.consoleUrl,
    ]
      .filter((line, index, lines) => line !== '' || lines[index - 1] !== '')
      .join('\n'),
  };
}
