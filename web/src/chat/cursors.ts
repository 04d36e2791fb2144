/**
 * The sync cursor of each conversation: the highest position up to which every change has been applied.
 *
 * Live changes arrive one position after another; one that skips ahead means a change was missed (or is
 * merely late): the conversation is then `gapped` and the owner syncs it from {@link held}. Changes that
 * arrive during a sync are compacted by the server (a message edited inside the window comes once, at its
 * latest position), so no gaps are reported while a conversation is syncing; its `synced` position moves
 * the cursor instead. Whether a change is new for the thing it changes is decided by the store (per message,
 * per receipt mark), not here.
 */
export type Observation = 'next' | 'old' | 'gap';

interface Cursor {
  held: number;
  /** Positions applied beyond a gap, waiting for the gap to be filled. */
  ahead: Set<number>;
  syncing: boolean;
}

export class Cursors {
  private readonly cursors = new Map<string, Cursor>();

  /** The position to sync from: -1 when nothing is held. */
  held(conversationId: string): number {
    return this.cursors.get(conversationId)?.held ?? -1;
  }

  has(conversationId: string): boolean {
    return this.cursors.has(conversationId);
  }

  ids(): string[] {
    return [...this.cursors.keys()];
  }

  /** What a `sync` sends: every known conversation and its held position. */
  syncRequest(): Record<string, number> {
    return Object.fromEntries([...this.cursors].map(([id, cursor]) => [id, cursor.held]));
  }

  /** Everything up to `position` is known (an HTTP read, a `synced`): the cursor never moves back. */
  advanceTo(conversationId: string, position: number): void {
    const cursor = this.cursor(conversationId);
    cursor.held = Math.max(cursor.held, position);
    this.absorb(cursor);
  }

  /** Forget what was held (the conversation is reloaded from scratch over HTTP). */
  reset(conversationId: string, position: number): void {
    this.cursors.set(conversationId, { held: position, ahead: new Set(), syncing: false });
  }

  setSyncing(conversationIds: Iterable<string>, syncing: boolean): void {
    for (const id of conversationIds) this.cursor(id).syncing = syncing;
  }

  isSyncing(conversationId: string): boolean {
    return this.cursors.get(conversationId)?.syncing ?? false;
  }

  /** A change at `position` was received. */
  observe(conversationId: string, position: number): Observation {
    const cursor = this.cursor(conversationId);
    if (position <= cursor.held || cursor.ahead.has(position)) return 'old';
    if (position === cursor.held + 1) {
      cursor.held = position;
      this.absorb(cursor);
      return 'next';
    }
    cursor.ahead.add(position);
    return cursor.syncing ? 'next' : 'gap';
  }

  /** Conversations with changes applied beyond a gap. */
  gapped(): string[] {
    return [...this.cursors].filter(([, cursor]) => cursor.ahead.size > 0 && !cursor.syncing).map(([id]) => id);
  }

  private cursor(conversationId: string): Cursor {
    let cursor = this.cursors.get(conversationId);
    if (!cursor) {
      cursor = { held: -1, ahead: new Set(), syncing: false };
      this.cursors.set(conversationId, cursor);
    }
    return cursor;
  }

  private absorb(cursor: Cursor): void {
    for (const position of [...cursor.ahead].sort((a, b) => a - b)) {
      if (position <= cursor.held) cursor.ahead.delete(position);
      else if (position === cursor.held + 1) {
        cursor.held = position;
        cursor.ahead.delete(position);
      } else break;
    }
  }
}
