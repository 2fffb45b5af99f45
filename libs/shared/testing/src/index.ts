export * from './eventually';
export * from './fixtures';
export * from './gateway-client';
export * from './ops-metrics';
export * from './private-broker';
export * from './private-cluster';
export { RabbitNode } from './rabbitmq-node';
export * from './recording-publisher';
export * from './unique';
