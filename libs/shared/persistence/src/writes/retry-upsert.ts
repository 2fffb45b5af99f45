import { isDuplicateKey } from './duplicate-key';

const ATTEMPTS = 3;

/**
 * Runs an upsert, again when it fails with a duplicate key: two concurrent upserts of one key can
 * both miss and both insert, and the loser's E11000 means the document now exists, so a second try
 * updates it. MongoDB's server retries these itself in most cases; FerretDB/DocumentDB does not.
 */
export async function retryUpsert<T>(upsert: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await upsert();
    } catch (error) {
      if (!isDuplicateKey(error) || attempt >= ATTEMPTS) throw error;
    }
  }
}
