export * from './catalog-error-codes';
export * from './isbn/isbn';
export * from './stock/reservation-decisions';
export * from './stock/reservation-line';
export * from './stock/reservation-status';
export * from './stock/stock-adjustment-key';
