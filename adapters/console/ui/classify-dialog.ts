import { el } from '../../web/widget/dom';

const SEVERITIES = ['P0', 'P1', 'P2', 'P3', 'P4', 'P5'] as const;
const CATEGORIES = [
  { value: 'platform', label: 'Platform (our system)' },
  { value: 'operational', label: 'Operational (configuration)' },
] as const;

/** The classification an agent sets, or nothing when they cancel. */
export interface ClassifyAnswer {
  severity: string;
  category: string;
}

/**
 * Asks for the category and severity of a conversation the customer never classified, before the
 * agent takes it (the server refuses the claim or reopen without them). Prefilled with the bot's
 * suggestion; with none, both start empty so nothing is set by accident.
 */
export function askToClassify(
  customer: string,
  suggested: { severity?: string; category?: string } = {},
): Promise<ClassifyAnswer | undefined> {
  const dialog = el('dialog', 'confirm');
  const title = el('h2', '', 'Classify before taking it');
  title.id = 'classify-dialog-title';
  dialog.setAttribute('aria-labelledby', title.id);
  const hint = suggested.severity || suggested.category ? ' The bot’s suggestion is filled in.' : '';
  const explain = el(
    'p',
    '',
    `${customer} did not say what it is about or how bad it is. Set both so the queue and the policy can follow it.${hint}`,
  );
  const severity = el('select');
  severity.required = true;
  severity.append(new Option('choose…', '', true, !suggested.severity));
  for (const level of SEVERITIES)
    severity.append(new Option(level, level, false, suggested.severity === level));
  const category = el('select');
  category.required = true;
  category.append(new Option('choose…', '', true, !suggested.category));
  for (const { value, label } of CATEGORIES)
    category.append(new Option(label, value, false, suggested.category === value));
  const severityLabel = el('label', '', 'Severity');
  severityLabel.append(severity);
  const categoryLabel = el('label', '', 'Category');
  categoryLabel.append(category);
  const cancel = el('button', 'btn', 'Cancel');
  cancel.type = 'button';
  const confirm = el('button', 'btn primary', 'Classify and take');
  confirm.type = 'button';
  const enable = () => (confirm.disabled = !severity.value || !category.value);
  severity.addEventListener('change', enable);
  category.addEventListener('change', enable);
  enable();
  const buttons = el('div', 'buttons');
  buttons.append(cancel, confirm);
  dialog.append(title, explain, severityLabel, categoryLabel, buttons);
  document.body.append(dialog);

  return new Promise((resolve) => {
    let answer: ClassifyAnswer | undefined;
    cancel.addEventListener('click', () => dialog.close());
    confirm.addEventListener('click', () => {
      if (!severity.value || !category.value) return;
      answer = { severity: severity.value, category: category.value };
      dialog.close();
    });
    // Escape closes a modal dialog too: nothing is taken.
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    dialog.showModal();
    (!severity.value ? severity : !category.value ? category : confirm).focus();
  });
}
