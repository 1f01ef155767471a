/** `node:events` for the page: the part of EventEmitter commander uses. */
type Listener = (...args: unknown[]) => void;

export class EventEmitter {
  #listeners = new Map<string | symbol, Listener[]>();

  on(name: string | symbol, listener: Listener): this {
    this.#listeners.set(name, [...(this.#listeners.get(name) ?? []), listener]);
    return this;
  }

  addListener(name: string | symbol, listener: Listener): this {
    return this.on(name, listener);
  }

  once(name: string | symbol, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.removeListener(name, wrapped);
      listener(...args);
    };
    return this.on(name, wrapped);
  }

  removeListener(name: string | symbol, listener: Listener): this {
    this.#listeners.set(
      name,
      (this.#listeners.get(name) ?? []).filter((l) => l !== listener),
    );
    return this;
  }

  off(name: string | symbol, listener: Listener): this {
    return this.removeListener(name, listener);
  }

  emit(name: string | symbol, ...args: unknown[]): boolean {
    const listeners = this.#listeners.get(name) ?? [];
    for (const listener of listeners) listener.apply(this, args);
    return listeners.length > 0;
  }

  listenerCount(name: string | symbol): number {
    return (this.#listeners.get(name) ?? []).length;
  }

  listeners(name: string | symbol): Listener[] {
    return [...(this.#listeners.get(name) ?? [])];
  }
}

export default { EventEmitter };
