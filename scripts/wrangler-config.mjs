// What the deploy scripts need of wrangler.toml and of wrangler: the KV ids that are still
// placeholders (a clone ships with them, so that `npm test`'s bundle check works anywhere),
// and the command that runs wrangler.

/** A KV id line whose value is still a placeholder, as wrangler.toml ships it. */
const placeholderLine = /^\s*(id|preview_id)\s*=\s*"(REPLACE_WITH_[A-Z0-9_]+)"/;

/**
 * @typedef {{ line: number; key: 'id' | 'preview_id'; placeholder: string }} Placeholder
 */

/**
 * Every KV id line of a wrangler.toml that still holds a placeholder, numbered from 1.
 * @param {string} text
 * @returns {Placeholder[]}
 */
export function placeholderLines(text) {
  return text.split('\n').flatMap((line, index) => {
    const match = placeholderLine.exec(line);
    if (!match) return [];
    const key = /** @type {'id' | 'preview_id'} */ (match[1]);
    return [{ line: index + 1, key, placeholder: match[2] ?? '' }];
  });
}

/**
 * The text with each placeholder that `ids` maps replaced by its id; every other line,
 * comments included, as it was.
 * @param {string} text
 * @param {ReadonlyMap<string, string>} ids placeholder → namespace id
 */
export function withIds(text, ids) {
  return text
    .split('\n')
    .map((line) => {
      const placeholder = placeholderLine.exec(line)?.[2];
      const id = placeholder === undefined ? undefined : ids.get(placeholder);
      return placeholder && id ? line.replace(`"${placeholder}"`, `"${id}"`) : line;
    })
    .join('\n');
}

/**
 * Why `npm run deploy` must not run: each production id still a placeholder, as file:line.
 * Preview ids are left out: `wrangler deploy` does not use them.
 * @param {string} text
 * @param {string} file the name to give the file in the message
 * @returns {string[]} empty when the production ids are in place
 */
export function deployRefusals(text, file) {
  return placeholderLines(text)
    .filter(({ key }) => key === 'id')
    .map(
      ({ line, placeholder }) =>
        `${file}:${line}: the KV namespace id is still the placeholder ${placeholder}; run \`npm run setup:cloudflare\` (docs/operating.md#deploy-to-cloudflare)`,
    );
}

/**
 * The wrangler to run: $WRANGLER split at spaces (e.g. "node stand-in.mjs"), or `npx wrangler`.
 * @returns {{ command: string; args: string[] }}
 */
export function wranglerCommand() {
  const [command = 'npx', ...args] = (process.env.WRANGLER?.trim() || 'npx wrangler').split(/\s+/);
  return { command, args };
}

/**
 * The value of `--config` / `-c` among wrangler's arguments, or wrangler.toml.
 * @param {readonly string[]} args
 */
export function configPathOf(args) {
  for (const [index, arg] of args.entries()) {
    if (arg === '--config' || arg === '-c') return args[index + 1] ?? 'wrangler.toml';
    if (arg.startsWith('--config=')) return arg.slice('--config='.length);
  }
  return 'wrangler.toml';
}
