/** OpenAPI paths of the policy library (merged into the document by http/openapi.ts). */
export function policiesPaths(): Record<string, unknown> {
  return {};
}
