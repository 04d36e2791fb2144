/**
 * Typing indicators without flooding the socket: `typing active` goes out on the first keystroke and then
 * at most every `repeatMs` while typing goes on (the peer's indicator fades after a few seconds without
 * one); `active: false` goes out when the text is sent or cleared, or after `idleMs` without a keystroke.
 */
export type SendTyping = (conversationId: string, active: boolean) => void;

interface Typing {
  lastSent: number;
  idle: ReturnType<typeof setTimeout> | undefined;
}

export class TypingThrottle {
  private readonly typing = new Map<string, Typing>();

  constructor(
    private readonly sendTyping: SendTyping,
    private readonly now: () => number = Date.now,
    private readonly repeatMs = 3_000,
    private readonly idleMs = 5_000,
  ) {}

  input(conversationId: string): void {
    const held = this.typing.get(conversationId);
    const now = this.now();
    if (!held || now - held.lastSent >= this.repeatMs) this.sendTyping(conversationId, true);
    clearTimeout(held?.idle);
    this.typing.set(conversationId, {
      lastSent: !held || now - held.lastSent >= this.repeatMs ? now : held.lastSent,
      idle: setTimeout(() => this.stop(conversationId), this.idleMs),
    });
  }

  stop(conversationId: string): void {
    const held = this.typing.get(conversationId);
    if (!held) return;
    clearTimeout(held.idle);
    this.typing.delete(conversationId);
    this.sendTyping(conversationId, false);
  }
}
