import { Image } from 'antd';
import { photoUrl } from '../lv-api.ts';

/** Thumbnails of a project's photos; a click shows them large. */
export function Photos({ projectId, ids }: { projectId: number; ids: number[] }) {
  if (ids.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 8 }} data-testid="photos">
        {ids.map((id) => (
          <Image key={id} src={photoUrl(projectId, id)} width={88} height={88} style={{ objectFit: 'cover', borderRadius: 4 }} alt="" />
        ))}
      </div>
    </Image.PreviewGroup>
  );
}
