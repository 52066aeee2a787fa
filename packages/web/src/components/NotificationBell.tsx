import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Empty, Flex, Popover, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { NotificationPage, NotificationsRead, NotificationView } from '@huiyin/core';
import { api } from '../api/client.ts';
import { useApiMutation, useApiQuery } from '../api/query.ts';
import { formatTime, useI18n } from '../i18n/i18n.tsx';

type Notice = NotificationView;
/** The inbox: the latest page of notifications and the unread count (GET /api/v1/notifications). */
type Inbox = NotificationPage;

const inboxKey = ['notifications'];
const noNotices: Notice[] = [];

/**
 * The in-app inbox in the staff header: the unread count and the latest notices, live through
 * server-sent events (/api/v1/notifications/stream, the session cookie); a new notice also pops up.
 * The browser's EventSource reconnects by itself and sends Last-Event-ID, so none is missed.
 */
export function NotificationBell() {
  const { t, lang } = useI18n();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const qc = useQueryClient();
  // The bell is a convenience: a failed load leaves it empty, the pages still work.
  const inbox = useApiQuery<Inbox>(inboxKey, '/api/v1/notifications?pageSize=10', { retry: false });
  const items = inbox.data?.items ?? noNotices;
  const unread = inbox.data?.unread ?? 0;
  const markRead = useApiMutation((body: { all: true } | { ids: number[] }) =>
    api<NotificationsRead>('/api/v1/notifications/read', { method: 'POST', body }),
  );

  useEffect(() => {
    /** The inbox as the server pushes it (the list may not have loaded yet). */
    const update = (f: (d: Inbox) => Inbox) => qc.setQueryData<Inbox>(inboxKey, (d) => f(d ?? { items: [], unread: 0, nextCursor: null }));
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/notifications/stream', { withCredentials: true });
    source.addEventListener('ready', (e) => {
      const d = JSON.parse((e as MessageEvent<string>).data) as { unread: number };
      update((x) => ({ ...x, unread: d.unread }));
    });
    source.addEventListener('notification', (e) => {
      const n = JSON.parse((e as MessageEvent<string>).data) as Notice;
      update((x) => ({ ...x, items: [n, ...x.items.filter((y) => y.id !== n.id)].slice(0, 10), unread: x.unread + 1 }));
      const call = n.topic === 'hotline.call' && n.link?.startsWith('/admin/cases/new') ? n.link : null;
      // A call announced by the telephony system (screen pop): the registration form opens with the call id (it reads the
      // number itself), unless the agent is in the middle of a form or a case: then the pop waits for a click.
      const busy = /^\/admin\/cases\/(new|\d+)/.test(window.location.pathname);
      if (call && !busy) void navigate(call);
      notification.info({
        ...(call ? { key: call } : {}),
        title: n.title,
        description: n.body,
        placement: 'topRight',
        duration: call && busy ? 0 : 6,
        ...(call && busy
          ? {
              actions: (
                <Button
                  type="primary"
                  size="small"
                  data-testid="call-pop-open"
                  onClick={() => {
                    notification.destroy(call);
                    void navigate(call);
                  }}
                >
                  {t('hotline.popOpen')}
                </Button>
              ),
            }
          : {}),
      });
    });
    return () => source.close();
  }, [qc, notification, navigate, t]);

  async function readAll() {
    const r = await markRead.mutateAsync({ all: true });
    const now = new Date().toISOString();
    qc.setQueryData<Inbox>(
      inboxKey,
      (d) => d && { ...d, items: d.items.map((x) => ({ ...x, readAt: x.readAt ?? now })), unread: r.unread },
    );
  }

  async function openNotice(n: Notice) {
    if (n.readAt === null) {
      const r = await markRead.mutateAsync({ ids: [n.id] });
      const now = new Date().toISOString();
      qc.setQueryData<Inbox>(
        inboxKey,
        (d) => d && { ...d, items: d.items.map((x) => (x.id === n.id ? { ...x, readAt: now } : x)), unread: r.unread },
      );
    }
    setOpen(false);
    if (n.link?.startsWith('/')) void navigate(n.link);
  }

  const content = (
    <div style={{ width: 340, maxWidth: '80vw' }} data-testid="notification-list">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notify.empty')} />
      ) : (
        <Flex vertical style={{ maxHeight: 420, overflowY: 'auto' }}>
          {items.map((n) => (
            <div
              key={n.id}
              role="button"
              tabIndex={0}
              onClick={() => void openNotice(n)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void openNotice(n);
              }}
              style={{
                cursor: 'pointer',
                padding: '8px 12px',
                borderBottom: '1px solid #f0f0f0',
                background: n.readAt ? undefined : '#fff7e6',
              }}
            >
              <Typography.Text strong={n.readAt === null}>{n.title}</Typography.Text>
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '2px 0' }}>
                {n.body}
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatTime(n.createdAt, lang)}
              </Typography.Text>
            </div>
          ))}
        </Flex>
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
      title={
        <span style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          {t('notify.title')}
          {unread > 0 && (
            <Button size="small" type="link" onClick={() => void readAll()}>
              {t('notify.readAll')}
            </Button>
          )}
        </span>
      }
      content={content}
    >
      <Badge count={unread} size="small" data-testid="notification-count">
        <Button type="text" icon={<BellOutlined />} aria-label={t('notify.title')} data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
