import { el } from '../../web/widget/dom';

/** The agent's answer to "End this conversation?". */
export type EndAnswer = { confirmed: false } | { confirmed: true; reason: string | undefined };

/**
 * Asks the agent to confirm ending a conversation, with an optional reason kept in the transcript.
 * A modal `<dialog>` rather than `confirm()`: it can say what the customer will be told, and it
 * does not block the page's socket while open.
 */
export function askToEnd(customer: string, abusive: boolean): Promise<EndAnswer> {
  const dialog = el('dialog', 'confirm');
  const title = el('h2', '', 'End this conversation?');
  title.id = 'end-dialog-title';
  dialog.setAttribute('aria-labelledby', title.id);
  const explain = el(
    'p',
    '',
    `${customer} will be told that a member of the team ended the conversation. If they write again, the bot answers.`,
  );
  const reason = el('textarea');
  reason.rows = 2;
  reason.maxLength = 300;
  reason.placeholder = abusive ? 'abusive or threatening messages' : 'why, for the transcript';
  const label = el('label', '', 'Reason (optional)');
  label.append(reason);
  const cancel = el('button', 'btn', 'Cancel');
  cancel.type = 'button';
  const confirm = el('button', 'btn danger', 'End conversation');
  confirm.type = 'button';
  const buttons = el('div', 'buttons');
  buttons.append(cancel, confirm);
  dialog.append(title, explain, label, buttons);
  document.body.append(dialog);

  return new Promise((resolve) => {
    let answer: EndAnswer = { confirmed: false };
    cancel.addEventListener('click', () => dialog.close());
    confirm.addEventListener('click', () => {
      const typed = reason.value.trim();
      answer = { confirmed: true, reason: typed || (abusive ? reason.placeholder : undefined) };
      dialog.close();
    });
    // Escape closes a modal dialog too: that is a "no".
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    dialog.showModal();
    cancel.focus();
  });
}
