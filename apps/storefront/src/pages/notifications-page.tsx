import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';

import { describeError } from '../api/api-error';
import type { Notification } from '../api/types';
import { PageHeading } from '../components/page-heading';
import { hrefWith, positiveInt } from '../components/page-query';
import { Pager } from '../components/pager';
import { Empty, ErrorMessage, Loading } from '../components/status-views';
import { useResource } from '../components/use-resource';
import { formatDateTime } from '../format/date';
import { useToasts } from '../layout/toasts';
import { useLive, useLiveSignal } from '../live/live-context';
import { notificationsApi, orderIdOf } from '../live/notifications-api';
import { useSession } from '../session/session-context';
import { LoginRequired } from './login-required';

const PAGE_SIZE = 20;

/** The customer's notifications, newest first; new ones appear live. */
export function NotificationsPage() {
  const session = useSession();
  if (session.state.status === 'loading') return <Loading />;
  if (!session.user) return <LoginRequired what="see your notifications" />;
  return <NotificationList />;
}

function NotificationList() {
  const { query } = useLocation();
  const page = positiveInt(query['page'], 1);
  const list = useResource((signal) => notificationsApi.list(page, PAGE_SIZE, signal), [page]);
  useLiveSignal(() => list.reload(true));

  return (
    <section>
      <PageHeading title="Notifications">Notifications</PageHeading>
      {list.loading && <Loading label="Loading notifications…" />}
      {list.error !== undefined && <ErrorMessage error={list.error} onRetry={() => list.reload()} />}
      {list.data && !list.loading && (
        <>
          {list.data.items.length === 0 ? (
            <Empty>No notifications yet.</Empty>
          ) : (
            <ul class="notification-list">
              {list.data.items.map((notification) => (
                <NotificationItem
                  key={notification.id}
                  notification={notification}
                  onRead={() => list.reload(true)}
                />
              ))}
            </ul>
          )}
          <Pager
            page={list.data.page}
            limit={list.data.limit}
            total={list.data.total}
            hrefFor={(p) => hrefWith('/notifications', { page: p })}
          />
        </>
      )}
    </section>
  );
}

function NotificationItem({ notification, onRead }: { notification: Notification; onRead: () => void }) {
  const live = useLive();
  const toasts = useToasts();
  const [busy, setBusy] = useState(false);
  const orderId = orderIdOf(notification);

  const markRead = async () => {
    setBusy(true);
    try {
      await notificationsApi.markRead(notification.id);
      live.recount();
      onRead();
    } catch (error) {
      toasts.error(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class={`card notification${notification.read ? '' : ' unread'}`}>
      <h2>
        {notification.title}
        {!notification.read && <span class="visually-hidden"> (unread)</span>}
      </h2>
      <p>{notification.body}</p>
      <div class="actions small">
        <time class="muted" dateTime={notification.createdAt}>
          {formatDateTime(notification.createdAt)}
        </time>
        {orderId && <a href={`/orders/${orderId}`}>View the order</a>}
        {!notification.read && (
          <button type="button" class="link-button" onClick={markRead} disabled={busy}>
            Mark read
          </button>
        )}
      </div>
    </li>
  );
}
