import { el } from '../../web/widget/dom';
import { signIn } from './console-api';
import type { AgentView } from '../../../src/realtime/socket-events';

/** The sign-in form; calls `done` once the server accepted the username and password. */
export function renderSignIn(root: HTMLElement, done: (agent: AgentView) => void, notice?: string): void {
  const page = el('main', 'signin');
  const form = el('form');
  form.setAttribute('aria-labelledby', 'signin-title');
  const title = el('h1', '', 'Agent console');
  title.id = 'signin-title';
  const username = field('Username', 'text', 'username');
  const password = field('Password', 'password', 'current-password');
  const error = el('p', 'error');
  error.setAttribute('role', 'alert');
  if (notice) error.textContent = notice;
  const submit = el('button', 'btn primary', 'Sign in');
  submit.type = 'submit';
  form.append(
    title,
    el('p', 'lead', 'Sign in to answer customers.'),
    username.label,
    password.label,
    error,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    signIn(username.input.value, password.input.value)
      .then(done)
      .catch((failure: unknown) => {
        error.textContent = failure instanceof Error ? failure.message : 'Sign-in failed';
        password.input.select();
      })
      .finally(() => (submit.disabled = false));
  });
  page.append(form);
  root.replaceChildren(page);
  username.input.focus();
}

function field(name: string, type: string, autocomplete: string) {
  const label = el('label');
  const input = el('input');
  input.type = type;
  input.name = name.toLowerCase();
  input.required = true;
  input.autocomplete = autocomplete as AutoFill;
  label.append(name, input);
  return { label, input };
}
