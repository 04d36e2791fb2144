/**
 * The id this tab gives itself on `/ws?device=<id>`: made once per tab and kept in sessionStorage, so a
 * reconnect is the same device (back in its calls) and a second tab is another device.
 */
const KEY = 'callvault.device-id.v1';
const DEVICE_ID = /^[A-Za-z0-9._~:-]{1,128}$/;

export type SessionStore = Pick<Storage, 'getItem' | 'setItem'>;

export function isDeviceId(value: string): boolean {
  return DEVICE_ID.test(value);
}

export function tabDeviceId(storage: SessionStore | undefined, makeId: () => string = () => crypto.randomUUID()): string {
  const kept = storage?.getItem(KEY);
  if (kept && isDeviceId(kept)) return kept;
  const id = makeId();
  try {
    storage?.setItem(KEY, id);
  } catch {
    // storage full or refused: this tab still works, it just becomes a new device after a reload
  }
  return id;
}
