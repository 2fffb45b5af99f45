export * from './dead-letter.dto';
export * from './dead-letter-page.dto';
export * from './list-dead-letters.query';
