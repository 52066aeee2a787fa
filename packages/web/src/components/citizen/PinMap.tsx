import 'leaflet/dist/leaflet.css';
import type { LatLngTuple, Map as LeafletMap } from 'leaflet';
import { useState } from 'react';
import { CircleMarker, MapContainer, TileLayer, useMapEvents } from 'react-leaflet';

export interface Pin {
  lat: number;
  lng: number;
}

/** Where the map opens when nothing is pinned: the demo service areas, else the middle of China. */
const districtCentres: Record<string, LatLngTuple> = {
  '140802': [35.0267, 111.0069],
  '140311': [37.8612, 113.5467],
};

export function startOf(regionCode: string | undefined): { center: LatLngTuple; zoom: number } {
  const c = regionCode ? districtCentres[regionCode.slice(0, 6)] : undefined;
  return c ? { center: c, zoom: 13 } : { center: [35.86, 104.19], zoom: 4 };
}

/** Five decimals: about a metre, as precise as a finger on a phone. */
const round = (x: number) => Math.round(x * 1e5) / 1e5;

function ClickToPin({ onPick }: { onPick: (p: Pin) => void }) {
  useMapEvents({
    click: (e) => onPick({ lat: round(e.latlng.lat), lng: round(e.latlng.lng) }),
  });
  return null;
}

/**
 * A map to drop one pin by a click or tap. Tiles come from the server's configuration; with
 * none, or when they fail to load, the map is a blank ground and a click still sets the pin.
 * `onReady` hands out the map (for the "pin the centre" button that keyboard users need).
 */
export default function PinMap({
  pin,
  regionCode,
  tileUrl,
  label,
  onPick,
  onTilesFailed,
  onReady,
}: {
  pin: Pin | null;
  regionCode: string | undefined;
  tileUrl: string | null;
  label: string;
  onPick: (p: Pin) => void;
  onTilesFailed: () => void;
  onReady: (map: LeafletMap) => void;
}) {
  const [start] = useState(() => (pin ? { center: [pin.lat, pin.lng] as LatLngTuple, zoom: 16 } : startOf(regionCode)));
  return (
    <div style={{ height: 260, background: '#eef1f4', borderRadius: 8, overflow: 'hidden' }} role="application" aria-label={label}>
      <MapContainer
        center={start.center}
        zoom={start.zoom}
        style={{ height: '100%', background: '#eef1f4' }}
        scrollWheelZoom={false}
        attributionControl={false}
        ref={(m) => {
          if (m) onReady(m);
        }}
      >
        {tileUrl && <TileLayer url={tileUrl} eventHandlers={{ tileerror: onTilesFailed }} />}
        <ClickToPin onPick={onPick} />
        {pin && (
          <CircleMarker
            center={[pin.lat, pin.lng]}
            radius={10}
            pathOptions={{ color: '#c0392b', fillColor: '#c0392b', fillOpacity: 0.8 }}
          />
        )}
      </MapContainer>
    </div>
  );
}
