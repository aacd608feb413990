// Errors that only make sense at the HTTP boundary; domain errors live in domain/errors.ts.

export class Unauthenticated extends Error {}

export class Forbidden extends Error {
  constructor(readonly scope: string) {
    super(`missing scope ${scope}`);
  }
}

export class UnsupportedMediaType extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

export class PayloadTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`body over ${limit} bytes`);
  }
}

export class RateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('write rate exceeded');
  }
}
