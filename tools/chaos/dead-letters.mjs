// What the run parked: messages in any dead-letter queue of the suite's own cluster, plus records
// in the services' `dead_letters` collections (where a service moves what it parks), so a parked
// event counts wherever it ended up.
const SERVICES = ['AUTH', 'CATALOG', 'ORDERS', 'NOTIFICATIONS'];

/** { '<queue>': n, '<db>.dead_letters': n, … }; only sources that exist are listed. */
export async function deadLetterCounts(cluster, mongoUrl) {
  const counts = {};
  if (cluster) {
    for (const q of cluster.queues()) if (/dlq|dead/.test(q.name)) counts[q.name] = q.messages;
  }
  const { default: mongoose } = await import('mongoose');
  const connection = await mongoose
    .createConnection(mongoUrl, { serverSelectionTimeoutMS: 10_000 })
    .asPromise();
  try {
    for (const service of SERVICES) {
      const name = process.env[`${service}_MONGO_DB`];
      if (!name) continue;
      const db = connection.useDb(name).db;
      const exists = (await db.listCollections({ name: 'dead_letters' }).toArray()).length > 0;
      if (exists) counts[`${name}.dead_letters`] = await db.collection('dead_letters').countDocuments();
    }
  } finally {
    await connection.close();
  }
  return counts;
}
