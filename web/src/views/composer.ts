/**
 * The composer: text, files to attach, send. It also edits: `startEdit` puts a message's text in it and
 * the next submit saves that text instead of sending a new message.
 */
import { h } from '../dom';
import { fileSize } from './format';

export interface ComposerHandlers {
  send(body: string, files: File[]): void;
  saveEdit(seq: number, body: string): Promise<void>;
  typed(text: string): void;
}

export interface Composer {
  readonly element: HTMLFormElement;
  startEdit(seq: number, body: string): void;
  focus(): void;
}

const MAX_LENGTH = 4096;

export function composer(conversationId: string, handlers: ComposerHandlers): Composer {
  const id = (part: string) => `${part}-${conversationId.slice(-12)}`;
  let editing: number | null = null;
  let files: File[] = [];

  const text = h('textarea', { id: id('composer'), name: 'body', rows: '2', maxlength: String(MAX_LENGTH), placeholder: 'Write a message' });
  const label = h('label', { for: text.id, class: 'visually-hidden' }, 'Message');
  const picker = h('input', { type: 'file', id: id('files'), multiple: true, class: 'visually-hidden' });
  const pickLabel = h('label', { for: picker.id, class: 'button secondary attach' }, 'Attach files');
  const chosen = h('ul', { class: 'chosen-files', 'aria-label': 'Files to send' });
  const submit = h('button', { type: 'submit' }, 'Send');
  const cancel = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Cancel edit');
  const mode = h('p', { class: 'composer-mode', hidden: true, 'aria-live': 'polite' });

  const showFiles = () => {
    chosen.replaceChildren(
      ...files.map((file, index) =>
        h(
          'li',
          {},
          `${file.name} (${fileSize(file.size)}) `,
          h('button', { type: 'button', class: 'link', 'aria-label': `Remove ${file.name}`, onclick: () => {
            files = files.filter((_, i) => i !== index);
            showFiles();
          } }, 'Remove'),
        ),
      ),
    );
  };

  const stopEdit = () => {
    editing = null;
    text.value = '';
    mode.hidden = true;
    cancel.hidden = true;
    pickLabel.hidden = false;
    submit.textContent = 'Send';
  };

  const element = h('form', { class: 'composer', 'aria-label': 'Write a message' }, mode, label, text, pickLabel, picker, submit, cancel, chosen);

  picker.addEventListener('change', () => {
    files = [...files, ...(picker.files ? [...picker.files] : [])].slice(0, 10);
    picker.value = '';
    showFiles();
  });
  text.addEventListener('input', () => {
    if (editing === null) handlers.typed(text.value);
  });
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      element.requestSubmit();
    } else if (event.key === 'Escape' && editing !== null) {
      stopEdit();
    }
  });
  cancel.addEventListener('click', stopEdit);
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = text.value;
    if (editing !== null) {
      if (!body.trim()) return;
      const seq = editing;
      submit.disabled = true;
      handlers.saveEdit(seq, body).then(stopEdit, () => undefined).finally(() => (submit.disabled = false));
      return;
    }
    if (!body.trim() && files.length === 0) return;
    handlers.send(body, files);
    text.value = '';
    files = [];
    showFiles();
    text.focus();
  });

  return {
    element,
    startEdit(seq, body) {
      editing = seq;
      text.value = body;
      mode.textContent = `Editing message ${seq}. Enter saves, Escape cancels.`;
      mode.hidden = false;
      cancel.hidden = false;
      pickLabel.hidden = true;
      submit.textContent = 'Save';
      text.focus();
    },
    focus: () => text.focus(),
  };
}
