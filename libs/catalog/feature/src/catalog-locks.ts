/** Lock keys of the catalog's documents (see DocumentLocks in the messaging lib). */
export const bookLock = (bookId: string) => `book:${bookId}`;
export const reservationLock = (orderId: string) => `reservation:${orderId}`;
