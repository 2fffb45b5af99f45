import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SMTPServer } from 'smtp-server';

import { MailSender } from './mail-sender';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a free loopback port that keeps what it receives. */
async function startSmtp(): Promise<{ server: SMTPServer; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { server, port, received };
}

describe('MailSender', () => {
  it('delivers through SMTP to the right recipient with the subject', async () => {
    const smtp = await startSmtp();
    const sender = new MailSender({
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      from: 'Bookstore <no-reply@bookstore.local>',
      mailDir: '/nonexistent',
    });
    try {
      await sender.send({
        id: 'n1',
        to: 'ada@example.test',
        subject: 'Your order is confirmed',
        text: 'Hello Ada',
      });
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0].to).toEqual(['ada@example.test']);
      expect(smtp.received[0].from).toBe('no-reply@bookstore.local');
      expect(smtp.received[0].raw).toMatch(/^Subject: Your order is confirmed$/m);
      expect(smtp.received[0].raw).toContain('Hello Ada');
    } finally {
      sender.onApplicationShutdown();
      await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    }
  });

  it('fails when the SMTP server is unreachable, so the event is retried', async () => {
    const smtp = await startSmtp();
    const port = smtp.port;
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    const sender = new MailSender({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'a@b.test',
      mailDir: '/nonexistent',
    });
    await expect(sender.send({ id: 'n2', to: 'x@example.test', subject: 'S', text: 'T' })).rejects.toThrow();
  });

  it('writes one .eml file per message id when no SMTP server is configured', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mail-'));
    const sender = new MailSender({
      smtpUrl: '',
      from: 'Bookstore <no-reply@bookstore.local>',
      mailDir: dir,
    });
    try {
      const message = { id: 'abc123', to: 'bob@example.test', subject: 'Welcome', text: 'Hi Bob' };
      await sender.send(message);
      await sender.send(message);
      expect(await readdir(dir)).toEqual(['abc123.eml']);
      const eml = await readFile(join(dir, 'abc123.eml'), 'utf8');
      expect(eml).toMatch(/^To: bob@example\.test$/m);
      expect(eml).toMatch(/^Subject: Welcome$/m);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
