import { roles, type Role } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import { buildTable, type TableSpec } from '../../xlsx/table.ts';
import type { AdminScope } from '../regions/admin-scope.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';

/**
 * The people (staff accounts) import template of the security admin: one person a row, roles by
 * their Chinese names and units by name (several in one cell, separated by 、 or ；). There is no
 * password column: every new person gets a one-time password answered once by the import.
 */

export type PeopleColumn = 'name' | 'username' | 'phone' | 'roles' | 'units';

export const PEOPLE_SHEET_NAME = '人员';
export const PEOPLE_IMPORT_MAX_ROWS = 2000;
export const PEOPLE_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** The roles as the template names them (the web's labels). */
export const roleNamesZh: Record<Role, string> = {
  clerk: '受理员',
  safety_net_officer: '办不成事窗口专员',
  dispatcher: '派单员',
  handler: '承办人',
  unit_head: '部门负责人',
  supervisor: '督办员',
  inspector: '纪检监察',
  leader: '领导干部',
  grid_worker: '网格员',
  livelihood_officer: '民生办专员',
  admin: '系统管理员',
  security_admin: '安全管理员',
  auditor: '安全审计员',
};

/** Several names in one cell: 、 ； ; ， , or a line break between them. */
export function splitNames(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、；;，,\n]/)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
}

/** A role from its Chinese name or its code. */
export function roleOf(text: string): Role | undefined {
  const t = text.normalize('NFKC').replace(/\s/g, '');
  return roles.find((r) => r === t.toLowerCase() || roleNamesZh[r] === t);
}

export function peopleSpec(ctx: { units: readonly string[] }): TableSpec<PeopleColumn> {
  return {
    sheetName: PEOPLE_SHEET_NAME,
    maxRows: PEOPLE_IMPORT_MAX_ROWS,
    maxBytes: PEOPLE_IMPORT_MAX_BYTES,
    columns: [
      { key: 'name', header: '姓名', required: true, width: 14, note: '最多 50 字' },
      {
        key: 'username',
        header: '用户名',
        required: true,
        width: 18,
        note: '登录名：小写字母开头，可含小写字母、数字和 _ . -，2 至 32 位；已有的用户名会更新该账号（不改密码）',
        aliases: ['账号', '登录名'],
      },
      { key: 'phone', header: '手机号码', required: false, width: 16, note: '选填，11 位手机号或固定电话', aliases: ['电话', '手机'] },
      {
        key: 'roles',
        header: '角色',
        required: true,
        width: 26,
        note: `一个或多个，用“、”分隔，可选：${roles.map((r) => roleNamesZh[r]).join('、')}；系统管理员、安全管理员、安全审计员不能兼任`,
      },
      {
        key: 'units',
        header: '所属单位',
        required: true,
        width: 32,
        note: '一个或多个单位名称，用“、”或“；”分隔，须是您管辖区划内的在用单位',
        aliases: ['单位'],
      },
    ],
    lists: [
      { key: 'roles', values: roles.map((r) => roleNamesZh[r]), title: '角色', lenient: true },
      { key: 'units', values: ctx.units, title: '所属单位', lenient: true },
    ],
    guide: [
      '人员导入说明',
      '每行一个人员账号。文件中没有密码：每个新账号由系统生成一次性密码，导入后只显示一次，请打印交给本人；本人首次登录须修改密码。',
      '已有的用户名：按文件更新姓名、手机号码、角色和所属单位，不改密码。',
      '导入先预览（新增、修改、不变的人数），确认后一次性写入；任何一行有错误，整个文件都不导入。',
    ],
  };
}

/** The active units of the security admin's regions, for the drop-down and the import. */
export async function peopleUnits(db: Db, scope: AdminScope) {
  return (await createUnitsRepo(db).adminListUnder(scope.prefixes)).filter((u) => u.active);
}

export async function buildPeopleTemplate(db: Db, scope: AdminScope): Promise<Buffer> {
  const units = await peopleUnits(db, scope);
  return buildTable(peopleSpec({ units: [...new Set(units.map((u) => u.name))] }), []);
}
