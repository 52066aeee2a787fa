import { Cascader } from 'antd';
import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { api } from '../../../../api/client.ts';
import { queryClient } from '../../../../api/query.ts';
import { regionsQuery, type RegionItem } from '../../../../api/resources.ts';

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
}

/** The codes from the province down to `code`: 140311200 → 140000, 140300, 140311, 140311200. */
export function regionPath(code: string): string[] {
  if (code.length > 6) return [...regionPath(code.slice(0, code.length - 3)), code];
  return [...new Set([`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code])];
}

/** The regions under `parent`, opened level by level; through the shared regions cache (they rarely change). */
const children = (parent: string | null) => {
  const { queryKey, path } = regionsQuery(parent);
  return queryClient
    .fetchQuery({ queryKey, queryFn: ({ signal }) => api<{ items: RegionItem[] }>(path, { signal }), staleTime: 5 * 60_000 })
    .then((r) => r.items.map((x): Option => ({ value: x.code, label: x.name, isLeaf: x.code.length >= 12 })));
};

function find(nodes: Option[], code: string): Option | undefined {
  for (const n of nodes) {
    if (n.value === code) return n;
    const hit = n.children ? find(n.children, code) : undefined;
    if (hit) return hit;
  }
  return undefined;
}

function withChildren(nodes: Option[], code: string, kids: Option[]): Option[] {
  return nodes.map((n) => {
    if (n.value === code) return kids.length > 0 ? { ...n, children: kids } : { ...n, isLeaf: true };
    return n.children ? { ...n, children: withChildren(n.children, code, kids) } : n;
  });
}

/**
 * A region (GB/T 2260) picked level by level from the province down to the township or
 * village, loaded as it opens; any level may be chosen. The value is the region code.
 */
export function RegionPicker(props: {
  value?: string | undefined;
  onChange?: (code: string | undefined) => void;
  allowClear?: boolean;
  style?: CSSProperties;
  placeholder?: string;
  id?: string;
}) {
  const { value, onChange } = props;
  const [options, setOptions] = useState<Option[]>([]);
  const tree0 = useRef<Option[] | null>(null);
  const update = (tree: Option[]) => {
    tree0.current = tree;
    setOptions(tree);
  };
  const path = useMemo(() => (value ? regionPath(value) : []), [value]);

  // The roots, then every level down to the current value so its names show.
  useEffect(() => {
    let alive = true;
    void (async () => {
      let tree = tree0.current ?? (await children(null).catch(() => [] as Option[]));
      for (const code of path.slice(0, -1)) {
        if (find(tree, code)?.children) continue;
        const kids = await children(code).catch(() => [] as Option[]);
        tree = withChildren(tree, code, kids);
      }
      if (alive) update(tree);
    })();
    return () => {
      alive = false;
    };
  }, [path]);

  return (
    <Cascader
      {...(props.id ? { id: props.id } : {})}
      {...(props.placeholder ? { placeholder: props.placeholder } : {})}
      style={{ minWidth: 220, ...props.style }}
      options={options}
      value={path}
      changeOnSelect
      allowClear={props.allowClear ?? false}
      loadData={(selected) => {
        const target = selected[selected.length - 1];
        if (!target || target.children) return;
        const code = String(target.value);
        void children(code).then((kids) => update(withChildren(tree0.current ?? [], code, kids)));
      }}
      onChange={(v) => onChange?.(v && v.length > 0 ? String(v[v.length - 1]) : undefined)}
    />
  );
}
