// Rendered feeds kept in the isolate's memory, keyed by data version: the same data renders
// to the same bytes, so a rendering is reused until the data changes. Bounded, oldest
// out first, so memory does not grow with the number of filter combinations.

export class RenderCache<T = string> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity: number) {}

  get(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
  }
}
