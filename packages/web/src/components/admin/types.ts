import type { AdminCategory, AdminUnitNode, AdminUser, Region, RoutingRule } from '@huiyin/core';

/** The admin API's answers are core's response types; the admin pages' helpers on them. */
export type { AdminCategory, AdminUser, RoutingRule };
/** A unit of the admin's tree, with its sub-units. */
export type AdminUnit = AdminUnitNode;
/** A region as the admin API lists it. */
export type AdminRegion = Region;

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
