import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';

import { PageHeading } from '../../components/page-heading';
import { hrefWith, positiveInt } from '../../components/page-query';
import { PagedList } from '../../components/paged-list';
import { ErrorMessage } from '../../components/status-views';
import { useResource } from '../../components/use-resource';
import { formatDateTime } from '../../format/date';
import { useToasts } from '../../layout/toasts';
import type { DeadLetter } from './staff-api';
import { staffApi } from './staff-api';
import { StaffNav } from './staff-nav';

const PAGE_SIZE = 20;

/**
 * /staff/dead-letters: events that kept failing and were parked, newest first, optionally of one
 * queue; each can be replayed (sent to its consumer again) or dropped.
 */
export function StaffDeadLettersPage() {
  const { query, route } = useLocation();
  const queue = query['queue'] ?? '';
  const page = positiveInt(query['page'], 1);
  const letters = useResource(
    (signal) => staffApi.deadLetters({ page, limit: PAGE_SIZE, queue: queue || undefined }, signal),
    [page, queue],
  );

  const filter = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    route(hrefWith('/staff/dead-letters', { queue: String(form.get('queue') ?? '').trim() || undefined }));
  };

  return (
    <section>
      <PageHeading title="Staff · Dead letters">Dead letters</PageHeading>
      <StaffNav />
      <form class="staff-filters" onSubmit={filter}>
        <label>
          Queue
          <input name="queue" defaultValue={queue} placeholder="orders.events.dlq" />
        </label>
        <button type="submit" class="secondary">
          Filter
        </button>
        <button type="button" class="secondary" onClick={() => letters.reload()}>
          Refresh
        </button>
      </form>
      <PagedList
        list={letters}
        loadingLabel="Loading the dead letters…"
        empty={queue ? 'Nothing is parked in that queue.' : 'Nothing is parked: every event was handled.'}
        hrefFor={(p) => hrefWith('/staff/dead-letters', { queue: queue || undefined, page: p })}
      >
        {(items) => (
          <ul class="dead-letters">
            {items.map((letter) => (
              <DeadLetterItem key={letter.id} letter={letter} onGone={() => letters.reload(true)} />
            ))}
          </ul>
        )}
      </PagedList>
    </section>
  );
}

function DeadLetterItem({ letter, onGone }: { letter: DeadLetter; onGone: () => void }) {
  const toasts = useToasts();
  const [busy, setBusy] = useState(false);
  const [confirmDrop, setConfirmDrop] = useState(false);
  const [error, setError] = useState<unknown>();

  const act = async (action: 'replay' | 'drop') => {
    setBusy(true);
    setError(undefined);
    try {
      if (action === 'replay') await staffApi.replayDeadLetter(letter.id);
      else await staffApi.dropDeadLetter(letter.id);
      toasts.info(action === 'replay' ? `Replayed ${letter.type}.` : `Dropped ${letter.type}.`);
      onGone();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <li class="card dead-letter">
      <h2>{letter.type}</h2>
      <dl>
        <dt>Queue</dt>
        <dd>{letter.queue}</dd>
        <dt>Attempts</dt>
        <dd>{letter.attempts}</dd>
        <dt>Parked</dt>
        <dd>{formatDateTime(letter.parkedAt)}</dd>
        <dt>Last error</dt>
        <dd class="last-error">{letter.lastError}</dd>
        {letter.correlationId && (
          <>
            <dt>Correlation id</dt>
            <dd>
              <code>{letter.correlationId}</code>
            </dd>
          </>
        )}
      </dl>
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => void act('replay')}>
          Replay
        </button>
        {confirmDrop ? (
          <>
            <button type="button" class="danger" disabled={busy} onClick={() => void act('drop')}>
              Drop for good
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={() => setConfirmDrop(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" class="secondary" disabled={busy} onClick={() => setConfirmDrop(true)}>
            Drop
          </button>
        )}
      </div>
      {error !== undefined && <ErrorMessage error={error} />}
    </li>
  );
}
