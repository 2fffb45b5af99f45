import { SseParser } from './sse-parser';

describe('SseParser', () => {
  it('parses events with their type, data and id', () => {
    const parser = new SseParser();
    expect(parser.push('event: notification\nid: 7\ndata: {"a":1}\n\n')).toEqual([
      { event: 'notification', data: '{"a":1}', id: '7' },
    ]);
  });

  it('joins multi-line data and defaults the type to message', () => {
    expect(new SseParser().push('data: one\ndata:two\n\n')).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });

  it('completes events split anywhere across chunks, CRLF included', () => {
    const parser = new SseParser();
    const text = 'event: notification\r\ndata: {"id":"1"}\r\n\r\ndata: second\r\n\r\n';
    const events = text.split('').flatMap((char) => parser.push(char));
    expect(events).toEqual([
      { event: 'notification', data: '{"id":"1"}' },
      { event: 'message', data: 'second' },
    ]);
  });

  it('holds an incomplete event until its blank line comes', () => {
    const parser = new SseParser();
    expect(parser.push('data: half')).toEqual([]);
    expect(parser.push('\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'message', data: 'half' }]);
  });

  it('ignores comments (heartbeats), unknown fields and events without data', () => {
    const parser = new SseParser();
    expect(parser.push(': heartbeat\n\nfoo: bar\nevent: x\n\nretry: 10\ndata: y\n\n')).toEqual([
      { event: 'message', data: 'y', retry: 10 },
    ]);
  });

  it('reads lone CR as a line end; a CR ending a chunk waits, as it may be half of a CRLF', () => {
    const parser = new SseParser();
    expect(parser.push('data: a\r\rdata: b\r\r')).toEqual([{ event: 'message', data: 'a' }]);
    expect(parser.push(': next')).toEqual([{ event: 'message', data: 'b' }]);
  });
});
