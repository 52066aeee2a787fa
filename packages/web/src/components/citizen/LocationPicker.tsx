import { AimOutlined, CloseOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Spin, Typography } from 'antd';
import type { Map as LeafletMap } from 'leaflet';
import { lazy, Suspense, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Pin } from './PinMap.tsx';

// Leaflet loads only when a citizen opens the map.
const PinMap = lazy(() => import('./PinMap.tsx'));

/**
 * The optional map pin of a request: closed until asked for; a click or tap on the map sets the
 * pin, "pin the map centre" does it from the keyboard (arrow keys pan a focused map), and the
 * coordinates are always shown as text. Works without tiles.
 */
export function LocationPicker({
  value,
  onChange,
  regionCode,
  tileUrl,
}: {
  value: Pin | null;
  onChange: (p: Pin | null) => void;
  regionCode: string | undefined;
  tileUrl: string | null;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [tilesFailed, setTilesFailed] = useState(false);
  const map = useRef<LeafletMap | null>(null);

  if (!open) {
    return (
      <Flex vertical gap={4} align="flex-start">
        <Button icon={<EnvironmentOutlined />} onClick={() => setOpen(true)}>
          {value ? t('mapChangePin') : t('mapOpen')}
        </Button>
        {value && <PinText pin={value} />}
      </Flex>
    );
  }
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('mapHelp')}</Typography.Text>
      {(tileUrl === null || tilesFailed) && <Alert type="info" showIcon title={tileUrl === null ? t('mapNoTiles') : t('mapTilesFailed')} />}
      <Suspense
        fallback={
          <Spin description={t('loading')}>
            <div style={{ height: 260 }} />
          </Spin>
        }
      >
        <PinMap
          pin={value}
          regionCode={regionCode}
          tileUrl={tilesFailed ? null : tileUrl}
          label={t('mapLabel')}
          onPick={onChange}
          onTilesFailed={() => setTilesFailed(true)}
          onReady={(m) => {
            map.current = m;
          }}
        />
      </Suspense>
      <Flex gap={8} wrap>
        <Button
          icon={<AimOutlined />}
          onClick={() => {
            const c = map.current?.getCenter();
            if (c) onChange({ lat: Math.round(c.lat * 1e5) / 1e5, lng: Math.round(c.lng * 1e5) / 1e5 });
          }}
        >
          {t('mapPinCentre')}
        </Button>
        {value && (
          <Button icon={<CloseOutlined />} onClick={() => onChange(null)}>
            {t('mapClearPin')}
          </Button>
        )}
        <Button type="link" onClick={() => setOpen(false)}>
          {t('mapClose')}
        </Button>
      </Flex>
      {value ? <PinText pin={value} /> : <Typography.Text type="secondary">{t('mapNoPin')}</Typography.Text>}
    </Flex>
  );
}

function PinText({ pin }: { pin: Pin }) {
  const { t } = useI18n();
  return (
    <Typography.Text data-testid="pin-text" aria-live="polite">
      {t('mapPinned', { lat: pin.lat.toFixed(5), lng: pin.lng.toFixed(5) })}
    </Typography.Text>
  );
}
