import type { Terminal } from './tmux.js';

/** Matches an inquirer prompt while it is being asked (answered ones start with ✔, not ?). */
export function asking(message: string): RegExp {
  return new RegExp(`^\\? ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm');
}

/** Answers a text prompt once it is the one being asked; '' accepts the default. */
export async function answer(t: Terminal, message: string, text: string): Promise<void> {
  await t.waitFor(asking(message));
  if (text !== '') await t.type(text);
  await t.press('Enter');
}

/** Picks a choice of a select list by typing its start, once the cursor is on it. */
export async function pick(t: Terminal, message: string, choice: string): Promise<void> {
  await t.waitFor(asking(message));
  await t.type(choice);
  await t.waitFor(new RegExp(`^❯ ${choice}`, 'm'));
  await t.press('Enter');
}
