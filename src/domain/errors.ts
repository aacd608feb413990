// Domain errors. Services throw these; the HTTP layer maps each class to one problem
// type, so no code ever classifies an error by its message.

export interface ValidationIssue {
  /** Where the problem is, as a JSON Pointer into the input ("/figures/0/value"). */
  pointer: string;
  /** The rule the value broke, in a word or two ("integer", "unknown place"). */
  rule: string;
  detail: string;
}

export class InvalidInput extends Error {
  constructor(
    readonly issues: readonly ValidationIssue[],
    readonly location: 'body' | 'query' | 'path' | 'header' = 'body',
  ) {
    super(`invalid ${location}`);
  }
}

export class NotFound extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

export class Conflict extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

export function pointerOf(path: readonly PropertyKey[]): string {
  return path.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
