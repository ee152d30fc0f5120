// The import API's schemas are the shared contract (the admin client uses the same ones).
export * from '../../../shared/contracts/imports.ts';
