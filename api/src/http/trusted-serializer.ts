/**
 * Route option for hot routes whose answers are built by typed code from
 * typed data (availability: hundreds of slots per answer). The default zod
 * serializer re-validates every item (a regex per UUID and instant), which
 * cost about a third of an availability request; these routes send plain
 * JSON instead. Their response schemas still document them in OpenAPI, and
 * their tests parse real answers with those schemas.
 */
export const trustedJsonAnswers = {
  serializerCompiler: () => (data: unknown) => JSON.stringify(data),
} as const;
