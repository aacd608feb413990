// Worker variables (wrangler.toml [vars]) that more than one part of the service reads, read
// in one place. A missing or malformed whole number falls back to the default rather than
// failing every request; an empty text setting means off.

export function wholeNumberSetting(setting: string | undefined, fallback: number): number {
  const value = Number(setting);
  return setting !== undefined && setting.trim() !== '' && Number.isInteger(value) && value >= 0
    ? value
    : fallback;
}

const defaultMaxAgeSeconds = 60;

/** max-age for public reads, from the PUBLIC_MAX_AGE_SECONDS variable. */
export function maxAgeSeconds(env: Pick<Env, 'PUBLIC_MAX_AGE_SECONDS'>): number {
  return wholeNumberSetting(env.PUBLIC_MAX_AGE_SECONDS, defaultMaxAgeSeconds);
}

export const textSetting = (value: string | undefined) => value?.trim() || undefined;

/**
 * Whether public outputs name who published a report and who retracted it (the report's JSON
 * and its page), from the PUBLISHED_BY_PUBLIC variable: "true" shows them; anything else, the
 * default, keeps them to the desk.
 */
export const publishedByIsPublic = (env: Pick<Env, 'PUBLISHED_BY_PUBLIC'>) =>
  textSetting(env.PUBLISHED_BY_PUBLIC) === 'true';

export type HubSettings = Pick<Env, 'WEBSUB_HUB_URL' | 'PUBLIC_ORIGIN'>;

/**
 * The WebSub hub that feeds at the public origin name, and that is told when they change.
 * Feeds read at any other origin name none: their topic URLs are not the ones the hub is
 * told of.
 */
export function hubAt(env: HubSettings, origin?: string): string | undefined {
  const hub = textSetting(env.WEBSUB_HUB_URL);
  const publicOrigin = textSetting(env.PUBLIC_ORIGIN);
  if (!hub || !publicOrigin) return undefined;
  return origin === undefined || origin === publicOrigin ? hub : undefined;
}

/** The origin the feeds the hub is told of are published under. */
export const publicOriginOf = (env: HubSettings) => textSetting(env.PUBLIC_ORIGIN);
