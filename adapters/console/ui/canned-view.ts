import type { CannedResponse } from '../../../src/model/canned-response';
import { el } from '../../web/widget/dom';
import { deleteCanned, listCanned, saveCanned } from './console-api';
import { recordTable } from './record-table';
import { exactTime, relativeTime } from './relative-time';

/** What the canned responses view tells the console. */
export interface CannedViewActions {
  /** The list changed: the reply box's `/` picker uses the new one. */
  changed(responses: CannedResponse[]): void;
  notify(message: string, error?: boolean): void;
}

/** The team's shared canned responses: add, edit and delete them; agents insert them with `/`. */
export class CannedView {
  private readonly shortcut = el('input');
  private readonly text = el('textarea');
  private readonly save = el('button', 'btn primary small', 'Save response');
  private readonly form = el('form', 'history-filters canned-form');
  private editing: string | undefined;
  private readonly table = recordTable({
    id: 'canned',
    title: 'Canned responses',
    columns: ['Shortcut', 'Text', 'Last saved', 'Actions'],
    controls: [this.form],
    refresh: () => void this.refresh(),
  });
  readonly element = this.table.element;

  constructor(private readonly actions: CannedViewActions) {
    const shortcutLabel = el('label', '', 'Shortcut');
    this.shortcut.maxLength = 40;
    this.shortcut.required = true;
    this.shortcut.placeholder = 'refund';
    shortcutLabel.append(this.shortcut);
    const textLabel = el('label', 'wide', 'Response text');
    this.text.rows = 2;
    this.text.maxLength = 2000;
    this.text.required = true;
    textLabel.append(this.text);
    this.save.type = 'submit';
    const clear = el('button', 'btn small', 'New');
    clear.type = 'button';
    clear.addEventListener('click', () => this.edit(undefined));
    this.form.setAttribute('aria-label', 'Add or edit a canned response');
    this.form.append(shortcutLabel, textLabel, this.save, clear);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
  }

  /** Puts the view on screen with a fresh list. */
  show(): void {
    void this.refresh();
  }

  /** Fetches the list again and hands it to the console. */
  async refresh(): Promise<void> {
    try {
      const responses = await listCanned();
      this.actions.changed(responses);
      this.table.show(
        responses.map((response) => this.row(response)),
        'No canned responses yet. Add one above; in a reply, type / to insert it.',
      );
    } catch (error) {
      this.actions.notify(
        `Canned responses: ${error instanceof Error ? error.message : 'request failed'}`,
        true,
      );
    }
  }

  private async submit(): Promise<void> {
    try {
      const saved = await saveCanned({
        ...(this.editing && { id: this.editing }),
        shortcut: this.shortcut.value,
        text: this.text.value,
      });
      this.actions.notify(`Saved /${saved.shortcut}.`);
      this.edit(undefined);
      await this.refresh();
    } catch (error) {
      this.actions.notify(`Not saved: ${error instanceof Error ? error.message : 'request failed'}`, true);
    }
  }

  private edit(response: CannedResponse | undefined): void {
    this.editing = response?.id;
    this.shortcut.value = response?.shortcut ?? '';
    this.text.value = response?.text ?? '';
    this.save.textContent = response ? `Save /${response.shortcut}` : 'Save response';
    if (response) this.shortcut.focus();
  }

  private row(response: CannedResponse): HTMLTableRowElement {
    const row = el('tr');
    const when = el(
      'td',
      'when',
      `${relativeTime(response.updatedAt)}${response.updatedBy ? ` by ${response.updatedBy}` : ''}`,
    );
    when.title = exactTime(response.updatedAt);
    const edit = el('button', 'btn small', 'Edit');
    edit.type = 'button';
    edit.setAttribute('aria-label', `Edit /${response.shortcut}`);
    edit.addEventListener('click', () => this.edit(response));
    const remove = el('button', 'btn small danger', 'Delete');
    remove.type = 'button';
    remove.setAttribute('aria-label', `Delete /${response.shortcut}`);
    remove.addEventListener('click', () => {
      void deleteCanned(response.id)
        .then(() => this.refresh())
        .catch((error: unknown) =>
          this.actions.notify(
            `Not deleted: ${error instanceof Error ? error.message : 'request failed'}`,
            true,
          ),
        );
    });
    const actions = el('td');
    actions.append(edit, ' ', remove);
    row.append(el('td', '', `/${response.shortcut}`), el('td', 'enquiry', response.text), when, actions);
    return row;
  }
}
