// The binding the push project adds (vitest.config.ts): where the receiver listens.
declare namespace Cloudflare {
  interface Env {
    RECEIVER: string;
  }
}
