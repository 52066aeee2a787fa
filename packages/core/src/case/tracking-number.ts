/** Tracking numbers: `<6-digit region code>-<year>-<6-digit sequence>`, e.g. 140802-2026-000123. */
export function formatTrackingNo(regionCode: string, year: number, seq: number): string {
  if (!/^\d{6}/.test(regionCode)) throw new RangeError(`region code ${regionCode} has no 6-digit county prefix`);
  if (!Number.isInteger(seq) || seq < 1 || seq > 999_999) throw new RangeError(`sequence ${seq} out of range`);
  return `${regionCode.slice(0, 6)}-${year}-${String(seq).padStart(6, '0')}`;
}

export function parseTrackingNo(no: string): { regionCode: string; year: number; seq: number } | null {
  const m = /^(\d{6})-(\d{4})-(\d{6})$/.exec(no);
  if (!m) return null;
  return { regionCode: m[1]!, year: Number(m[2]), seq: Number(m[3]) };
}
