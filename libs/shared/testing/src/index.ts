export * from './eventually';
export * from './gateway-client';
export * from './unique';
