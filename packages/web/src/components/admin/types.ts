/** Shapes of the admin API's answers, as the admin pages use them. Requests are typed by core's schemas. */
export interface AdminUnit {
  id: number;
  name: string;
  kind: string;
  regionCode: string;
  regionName: string | null;
  parentId: number | null;
  active: boolean;
  memberCount: number;
  children: AdminUnit[];
}

export interface AdminRegion {
  code: string;
  name: string;
  parentCode: string | null;
  level: number;
}

export interface AdminUser {
  id: number;
  username: string;
  displayName: string;
  phone: string | null;
  /** Where notification e-mails go (null: none). */
  email: string | null;
  /** The language of the user's notifications (null: Chinese). */
  lang: 'zh' | 'en' | null;
  roles: string[];
  active: boolean;
  createdAt: string;
  units: { id: number; name: string; regionCode: string; kind: string; active: boolean }[];
}

export interface AdminCategory {
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
  active: boolean;
}

export interface RoutingRule {
  id: number;
  categoryCode: string;
  categoryNameZh: string;
  categoryNameEn: string;
  categoryActive: boolean;
  regionPrefix: string;
  regionName: string | null;
  unit: { id: number; name: string; active: boolean };
}

/** Units in tree order (parents before children) with their depth. */
export function flattenUnits(nodes: readonly AdminUnit[], depth = 0): (AdminUnit & { depth: number })[] {
  return nodes.flatMap((n) => [{ ...n, depth }, ...flattenUnits(n.children, depth + 1)]);
}

/** Table tree data: antd shows an expander only where `children` is present. */
export function asTreeRows<N extends { children: N[] }>(nodes: readonly N[]): N[] {
  return nodes.map((n) =>
    n.children.length > 0 ? { ...n, children: asTreeRows(n.children) } : ({ ...n, children: undefined } as unknown as N),
  );
}
