/**
 * A ringtone made with Web Audio (no sound file). Browsers only let a page play sound after a user gesture, so
 * the audio context is created (or resumed) on the first click or key press anywhere on the page; a call that
 * rings before any gesture rings silently, with the visual alert alone.
 */
export class Ringtone {
  private context: AudioContext | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  /** Call once: the next user gesture unlocks sound. */
  unlockOnGesture(target: EventTarget = document): void {
    const unlock = () => {
      try {
        this.context ??= new AudioContext();
        void this.context.resume();
      } catch {
        // no Web Audio: calls ring silently
      }
    };
    for (const type of ['pointerdown', 'keydown']) target.addEventListener(type, unlock, { once: true, capture: true });
  }

  get unlocked(): boolean {
    return this.context?.state === 'running';
  }

  start(): void {
    if (this.timer !== undefined) return;
    this.burst();
    this.timer = setInterval(() => this.burst(), 3_000);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Two short double-tones, as phones ring. */
  private burst(): void {
    const context = this.context;
    if (!context || context.state !== 'running') return;
    for (const offset of [0, 0.5]) {
      const gain = context.createGain();
      gain.gain.setValueAtTime(0.0001, context.currentTime + offset);
      gain.gain.exponentialRampToValueAtTime(0.2, context.currentTime + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, context.currentTime + offset + 0.4);
      gain.connect(context.destination);
      for (const frequency of [440, 480]) {
        const tone = context.createOscillator();
        tone.frequency.value = frequency;
        tone.connect(gain);
        tone.start(context.currentTime + offset);
        tone.stop(context.currentTime + offset + 0.42);
      }
    }
  }
}
