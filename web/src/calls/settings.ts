/**
 * The person's call settings, kept in this browser (localStorage): "Relay calls" makes every call go through
 * the TURN relay (`iceTransportPolicy: 'relay'`), so the other side never sees this device's IP addresses.
 */
const RELAY_ONLY = 'callvault.calls.relayOnly';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function relayOnly(store: Storage | undefined = storage()): boolean {
  return store?.getItem(RELAY_ONLY) === 'true';
}

export function setRelayOnly(on: boolean, store: Storage | undefined = storage()): void {
  if (on) store?.setItem(RELAY_ONLY, 'true');
  else store?.removeItem(RELAY_ONLY);
}
