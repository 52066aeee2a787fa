/** OpenAPI paths of the safety-net window (merged into the document by http/openapi.ts). */
export function safetyNetPaths(): Record<string, unknown> {
  return {};
}
