// The directives API shapes live in the shared contract (the admin client validates with the same schemas).
export * from '../../../shared/contracts/directives.ts';
