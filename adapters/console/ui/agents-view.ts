import type { AgentAccount } from '../agent-admin-routes';
import { el } from '../../web/widget/dom';
import { addAccount, listAccounts, resetAccount, setAccountDisabled, setAccountRole } from './console-api';
import { recordTable } from './record-table';
import { exactTime } from './relative-time';

/** What the agents view asks the console to do. */
export interface AgentsViewActions {
  notify(message: string, error?: boolean): void;
  /** The signed-in admin: their own account cannot be disabled from here. */
  selfId(): string;
}

/**
 * Agent accounts for admins: add one (the server makes a password, shown here once to hand over),
 * change a role, disable or enable (disabling signs them out at once) and reset a password.
 */
export class AgentsView {
  private readonly username = input('Username');
  private readonly displayName = input('Display name');
  private readonly role = el('select');
  private readonly form = el('form', 'history-filters');
  /** Where a new password is shown once; polite, so a screen reader reads it out. */
  private readonly secret = el('p', 'secret');
  private readonly table = recordTable({
    id: 'agents',
    title: 'Agents',
    columns: ['Username', 'Name', 'Role', 'State', 'Added', 'Actions'],
    controls: [this.form],
    refresh: () => void this.refresh(),
  });
  readonly element = this.table.element;

  constructor(private readonly actions: AgentsViewActions) {
    this.role.append(new Option('Agent', 'agent'), new Option('Admin', 'admin'));
    const roleLabel = el('label');
    roleLabel.append('Role', this.role);
    const submit = el('button', 'btn primary small', 'Add agent');
    submit.type = 'submit';
    this.form.setAttribute('aria-label', 'Add an agent');
    this.form.append(this.username.label, this.displayName.label, roleLabel, submit);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.add();
    });
    this.secret.setAttribute('role', 'status');
    this.element.insertBefore(this.secret, this.element.children[1] ?? null);
  }

  /** Puts the view on screen with a fresh list. */
  show(): void {
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    try {
      const accounts = await listAccounts();
      this.table.show(
        accounts.map((account) => this.row(account)),
        'No agents.',
      );
    } catch (error) {
      this.fail('Agents', error);
    }
  }

  private async add(): Promise<void> {
    try {
      const { agent, password } = await addAccount({
        username: this.username.input.value.trim(),
        displayName: this.displayName.input.value.trim(),
        role: this.role.value === 'admin' ? 'admin' : 'agent',
      });
      this.username.input.value = '';
      this.displayName.input.value = '';
      this.showSecret(agent.username, password);
      await this.refresh();
    } catch (error) {
      this.fail('Not added', error);
    }
  }

  private row(account: AgentAccount): HTMLTableRowElement {
    const row = el('tr');
    const self = account.id === this.actions.selfId();
    const role = el('select');
    role.setAttribute('aria-label', `Role of ${account.username}`);
    role.append(
      new Option('Agent', 'agent', false, account.role === 'agent'),
      new Option('Admin', 'admin', false, account.role === 'admin'),
    );
    role.addEventListener('change', () => {
      const next = role.value === 'admin' ? 'admin' : 'agent';
      void this.act(
        () => setAccountRole(account.id, next),
        `${account.username} is now ${next === 'admin' ? 'an admin' : 'an agent'}.`,
      );
    });
    const disabled = account.disabledAt !== undefined;
    const toggle = button(
      disabled ? 'Enable' : 'Disable',
      `${disabled ? 'Enable' : 'Disable'} ${account.username}`,
      () =>
        void this.act(
          () => setAccountDisabled(account.id, !disabled),
          disabled
            ? `${account.username} can sign in again.`
            : `${account.username} is disabled and signed out.`,
        ),
    );
    toggle.disabled = self;
    const reset = button(
      'Reset password',
      `Reset password for ${account.username}`,
      () => void this.reset(account),
    );
    const actions = el('td', 'actions');
    actions.append(toggle, reset);
    const roleCell = el('td');
    roleCell.append(role);
    const added = el('td', 'when', new Date(account.createdAt).toLocaleDateString());
    added.title = exactTime(account.createdAt);
    row.append(
      el('td', '', account.username),
      el('td', '', account.displayName),
      roleCell,
      el('td', disabled ? 'state-off' : '', disabled ? 'Disabled' : 'Enabled'),
      added,
      actions,
    );
    return row;
  }

  private async reset(account: AgentAccount): Promise<void> {
    try {
      this.showSecret(account.username, await resetAccount(account.id));
    } catch (error) {
      this.fail('Not reset', error);
    }
  }

  private async act(change: () => Promise<unknown>, done: string): Promise<void> {
    try {
      await change();
      this.actions.notify(done);
    } catch (error) {
      this.fail('Not changed', error);
    }
    await this.refresh();
  }

  private showSecret(username: string, password: string): void {
    this.secret.replaceChildren(
      `New password for ${username}: `,
      el('code', '', password),
      ' Hand it over now; it is not shown again.',
    );
  }

  private fail(what: string, error: unknown): void {
    this.actions.notify(`${what}: ${error instanceof Error ? error.message : 'request failed'}`, true);
  }
}

function input(name: string): { label: HTMLLabelElement; input: HTMLInputElement } {
  const label = el('label');
  const field = el('input');
  label.append(name, field);
  return { label, input: field };
}

function button(text: string, label: string, onClick: () => void): HTMLButtonElement {
  const element = el('button', 'btn small', text);
  element.type = 'button';
  element.setAttribute('aria-label', label);
  element.addEventListener('click', onClick);
  return element;
}
