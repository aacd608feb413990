// Worker variables that hold whole numbers (wrangler.toml [vars]). A missing or malformed
// value falls back to the default rather than failing every request.

export function wholeNumberSetting(setting: string | undefined, fallback: number): number {
  const value = Number(setting);
  return setting !== undefined && setting.trim() !== '' && Number.isInteger(value) && value >= 0
    ? value
    : fallback;
}
