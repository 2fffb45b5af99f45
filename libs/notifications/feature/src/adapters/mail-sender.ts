import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { OnApplicationShutdown } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { createTransport } from 'nodemailer';

export interface MailSenderOptions {
  /** SMTP server URL; empty writes each message as an .eml file into `mailDir` instead. */
  smtpUrl: string;
  from: string;
  mailDir: string;
}

export interface MailMessage {
  /** Stable per message: names the .eml file, so a repeated send overwrites rather than adds. */
  id: string;
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail through SMTP, or in development renders it with nodemailer into .eml files. */
export class MailSender implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(private readonly options: MailSenderOptions) {
    this.transport = options.smtpUrl
      ? createTransport(options.smtpUrl)
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(message: MailMessage): Promise<void> {
    const info = (await this.transport.sendMail({
      from: this.options.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
    })) as { message?: unknown };
    if (this.options.smtpUrl) return;
    await mkdir(this.options.mailDir, { recursive: true });
    const file = join(this.options.mailDir, `${message.id.replace(/[^A-Za-z0-9_-]/g, '_')}.eml`);
    await writeFile(file, info.message as Buffer);
  }

  /** Closes pooled SMTP connections when the service stops. */
  onApplicationShutdown(): void {
    this.transport.close();
  }
}
