/**
 * Chat between two people in real Chromium against the real gateway: messages both ways, delivered and read
 * ticks, the typing indicator, a second tab of one person that sees everything live, and a spell offline
 * after which the missed messages arrive in order and once, and a failed send goes through on retry; then
 * editing and deleting, attachments (an image shown inline, a file to download), and scrolling back through
 * a long history page by page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type User, anotherTab, connected, launch, screenshot, signUp } from './browser';
import { gradientPng } from './png';

let browser: Browser;
let alice: User;
let bob: User;
let aliceTab2: Page;

const WAIT = { timeout: 15_000, interval: 100 };

/** The texts of the messages a page shows, in order. */
function texts(page: Page): Promise<string[]> {
  return page.locator('.timeline .message .body').allTextContents();
}

/** The seq numbers a page shows, in order. */
async function seqs(page: Page): Promise<number[]> {
  const values = await page.locator('.timeline .message[data-seq]').evaluateAll((items) => items.map((li) => li.getAttribute('data-seq')));
  return values.map(Number);
}

async function send(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
}

function tickOf(page: Page, text: string) {
  return page.locator('.timeline .message.mine', { hasText: text }).locator('[data-tick]').getAttribute('data-tick');
}

describe('chat in the browser', () => {
  beforeAll(async () => {
    browser = await launch();
    [alice, bob] = await Promise.all([signUp(browser, 'alice'), signUp(browser, 'bob')]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('starts a conversation by address; the peer sees it in their inbox at once', async () => {
    await alice.page.getByLabel('Start a conversation with an address').fill(bob.address);
    await alice.page.getByRole('button', { name: 'Start' }).click();
    await alice.page.locator('section.conversation').waitFor();
    await bob.page.locator(`.conversation-link[data-peer="${alice.address}"]`).waitFor(WAIT);
  });

  it('delivers messages both ways, with typing, delivered and read', async () => {
    await send(alice.page, 'Hello Bob');
    const bobsEntry = bob.page.locator(`.conversation-link[data-peer="${alice.address}"]`);
    await expect.poll(() => bobsEntry.locator('[data-unread]').textContent(), WAIT).toBe('1');
    // Bob's tab is open but not on the conversation: the message reached a device
    await expect.poll(() => tickOf(alice.page, 'Hello Bob'), WAIT).toBe('delivered');
    await screenshot(bob.page, 'chat-inbox');

    await bobsEntry.click();
    await bob.page.locator('section.conversation').waitFor();
    await expect.poll(() => texts(bob.page), WAIT).toEqual(['Hello Bob']);
    await expect.poll(() => tickOf(alice.page, 'Hello Bob'), WAIT).toBe('read');
    await expect.poll(() => bobsEntry.locator('[data-unread]').count(), WAIT).toBe(0);

    await alice.page.getByRole('textbox', { name: 'Message' }).pressSequentially('I am typ');
    await expect.poll(() => bob.page.locator('.typing-indicator').textContent(), WAIT).toBe('typing…');
    await alice.page.getByRole('textbox', { name: 'Message' }).press('Enter');
    await expect.poll(() => texts(bob.page), WAIT).toEqual(['Hello Bob', 'I am typ']);
    await expect.poll(() => bob.page.locator('.typing-indicator').textContent(), WAIT).toBe('');

    await send(bob.page, 'Hi Alice');
    await expect.poll(() => texts(alice.page), WAIT).toEqual(['Hello Bob', 'I am typ', 'Hi Alice']);
    await expect.poll(() => tickOf(bob.page, 'Hi Alice'), WAIT).toBe('read');
  });

  it('shows everything live on a second tab of the same person', async () => {
    aliceTab2 = await anotherTab(alice, 'alice-tab-2');
    await aliceTab2.locator(`.conversation-link[data-peer="${bob.address}"]`).click();
    await expect.poll(() => texts(aliceTab2), WAIT).toEqual(['Hello Bob', 'I am typ', 'Hi Alice']);

    await send(bob.page, 'Both your tabs see this');
    await expect.poll(() => texts(aliceTab2), WAIT).toContain('Both your tabs see this');
    await expect.poll(() => texts(alice.page), WAIT).toContain('Both your tabs see this');

    await send(alice.page, 'Sent from the first tab');
    await expect.poll(() => texts(aliceTab2), WAIT).toContain('Sent from the first tab');
    // each tab shows each message once
    expect(await seqs(aliceTab2)).toEqual([1, 2, 3, 4, 5]);
  });

  it('after a spell offline, shows what was missed in order and without duplicates; a failed send goes through on retry', async () => {
    await aliceTab2.close();
    await alice.context.setOffline(true);
    await alice.page.locator('.connection:not([data-state="open"])').waitFor(WAIT);

    for (const n of [1, 2, 3]) await send(bob.page, `While you were away ${n}`);
    await send(alice.page, 'Written offline');
    const failed = alice.page.locator('.message.pending.failed', { hasText: 'Written offline' });
    await failed.waitFor(WAIT);

    await alice.context.setOffline(false);
    await connected(alice.page);
    await expect.poll(() => texts(alice.page), WAIT).toEqual([
      'Hello Bob',
      'I am typ',
      'Hi Alice',
      'Both your tabs see this',
      'Sent from the first tab',
      'While you were away 1',
      'While you were away 2',
      'While you were away 3',
      'Written offline',
    ]);
    expect(await seqs(alice.page)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]); // the failed one is not stored yet

    await failed.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => seqs(alice.page), WAIT).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await expect.poll(() => texts(bob.page), WAIT).toContain('Written offline');
    expect((await texts(bob.page)).filter((t) => t === 'Written offline')).toHaveLength(1);
    await expect.poll(() => tickOf(alice.page, 'Written offline'), WAIT).toBe('read');
    await screenshot(alice.page, 'chat-conversation');
  });

  it('edits and deletes own messages, for both sides', async () => {
    alice.page.on('dialog', (dialog) => void dialog.accept());
    await alice.page.locator('.message.mine', { hasText: 'I am typ' }).getByRole('button', { name: /^Edit/ }).click();
    const box = alice.page.getByRole('textbox', { name: 'Message' });
    await box.fill('I am typing');
    await box.press('Enter');
    await expect.poll(() => texts(bob.page), WAIT).toContain('I am typing');
    await bob.page.locator('.message', { hasText: 'I am typing' }).locator('.edited').waitFor(WAIT);

    await alice.page.locator('.message.mine', { hasText: 'Sent from the first tab' }).getByRole('button', { name: /^Delete/ }).click();
    await expect.poll(() => texts(bob.page), WAIT).not.toContain('Sent from the first tab');
    expect(await bob.page.locator('.message[data-seq="5"] .body.deleted').textContent()).toBe('This message was deleted.');
  });

  it('sends attachments: an image shown inline and a file to download', async () => {
    await alice.page.locator('input[type="file"]').setInputFiles([
      { name: 'gradient.png', mimeType: 'image/png', buffer: gradientPng(120, 80) },
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('three notes\n') },
    ]);
    await send(alice.page, 'Two files');
    const message = bob.page.locator('.message', { hasText: 'Two files' });
    const image = message.locator('img[alt="gradient.png"]');
    await image.waitFor(WAIT);
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth), WAIT).toBe(120);
    const href = await message.getByRole('link', { name: /notes\.txt/ }).getAttribute('href');
    expect(href).toMatch(/^\/api\/attachments\/att_/);
    const download = await bob.page.evaluate(async (url) => (await fetch(url)).text(), href ?? '');
    expect(download).toBe('three notes\n');
    // Bob has the conversation open: what arrived is read, and the inbox says so
    await expect.poll(() => bob.page.locator(`.conversation-link[data-peer="${alice.address}"] [data-unread]`).count(), WAIT).toBe(0);
    await expect.poll(() => tickOf(alice.page, 'Two files'), WAIT).toBe('read');
    await screenshot(bob.page, 'chat-attachments');
  });

  it('scrolls back through a long history page by page, in order', async () => {
    const conversationId = await bob.page.locator('section.conversation').getAttribute('data-conversation');
    const sent = await bob.page.evaluate(async (id) => {
      for (let n = 1; n <= 60; n++) {
        const response = await fetch(`/api/conversations/${id}/messages/history-${n}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ body: `History ${n}` }),
        });
        if (!response.ok) return response.status;
      }
      return 200;
    }, conversationId ?? '');
    expect(sent).toBe(200);
    await expect.poll(() => texts(alice.page), WAIT).toContain('History 60');

    const fresh = await anotherTab(alice, 'alice-reloaded');
    await fresh.locator(`.conversation-link[data-peer="${bob.address}"]`).click();
    await expect.poll(async () => (await seqs(fresh)).length, WAIT).toBe(50); // the newest page
    const last = (await seqs(alice.page)).at(-1) ?? 0;
    for (let shown = 50; shown < last; shown = (await seqs(fresh)).length) {
      await fresh.locator('.timeline-scroll').evaluate((el) => el.scrollTo({ top: 0 }));
      await expect.poll(async () => (await seqs(fresh)).length, WAIT).toBeGreaterThan(shown);
    }
    await expect.poll(() => seqs(fresh), WAIT).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    await fresh.close();
  });
});
