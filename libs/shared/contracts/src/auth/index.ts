export * from './actor';
export * from './role';
export * from './session-marks';
