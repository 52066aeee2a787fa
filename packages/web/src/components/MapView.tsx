import 'leaflet/dist/leaflet.css';
import { CircleMarker, MapContainer, TileLayer } from 'react-leaflet';
import { usePublicConfig } from './citizen/citizen-api.ts';

/** The configured tile template (HUIYIN_MAP_TILE_URL), or null: the map then shows the pin on a blank ground. */
export function useTileUrl(): string | null {
  return usePublicConfig().data?.mapTileUrl ?? null;
}

/** A read-only map with the case's pin. */
export function MapView({ lat, lng, height = 240 }: { lat: number; lng: number; height?: number }) {
  const url = useTileUrl();
  return (
    <div style={{ height, background: '#eef1f4' }}>
      <MapContainer center={[lat, lng]} zoom={15} style={{ height: '100%' }} scrollWheelZoom={false} attributionControl={false}>
        {url && <TileLayer url={url} />}
        <CircleMarker center={[lat, lng]} radius={9} pathOptions={{ color: '#c0392b', fillOpacity: 0.8 }} />
      </MapContainer>
    </div>
  );
}
