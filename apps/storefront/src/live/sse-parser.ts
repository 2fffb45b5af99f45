/** One Server-Sent Event (https://html.spec.whatwg.org/multipage/server-sent-events.html). */
export interface SseEvent {
  /** The `event:` field, 'message' when absent. */
  event: string;
  /** The `data:` lines joined by '\n'. */
  data: string;
  /** The `id:` field, when the event carried one. */
  id?: string;
  /** The `retry:` field in milliseconds, when the event carried one. */
  retry?: number;
}

/**
 * An incremental parser of a text/event-stream: feed it text as chunks arrive (split anywhere, even
 * inside a line or between '\r' and '\n'); it returns the events completed so far. Comments
 * (`: heartbeat`) and events without data are dropped, as the spec's dispatch rules say.
 */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private event = '';
  private id?: string;
  private retry?: number;
  private sawData = false;

  /** Parses the next chunk; the events it completes, in order. */
  push(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const events: SseEvent[] = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const char = this.buffer[i];
      if (char !== '\n' && char !== '\r') continue;
      // A '\r' at the very end may be the first half of '\r\n': wait for the next chunk.
      if (char === '\r' && i === this.buffer.length - 1) break;
      const line = this.buffer.slice(start, i);
      if (char === '\r' && this.buffer[i + 1] === '\n') i++;
      start = i + 1;
      const event = this.line(line);
      if (event) events.push(event);
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  private line(line: string): SseEvent | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.data.push(value);
        this.sawData = true;
        break;
      case 'event':
        this.event = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.id = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
    }
    return undefined;
  }

  private dispatch(): SseEvent | undefined {
    const event: SseEvent | undefined = this.sawData
      ? {
          event: this.event || 'message',
          data: this.data.join('\n'),
          ...(this.id !== undefined && { id: this.id }),
          ...(this.retry !== undefined && { retry: this.retry }),
        }
      : undefined;
    this.data = [];
    this.event = '';
    this.sawData = false;
    this.retry = undefined;
    // The last event id persists across events (the spec's "last event ID buffer").
    return event;
  }
}
