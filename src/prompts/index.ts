export { promptForSpec, type PromptForSpecOptions } from './ask-spec.js';
export { assertCanPrompt, stdioIsTTY, type PromptAbility } from './require-tty.js';
export { shellQuote, specToCommandLine, specToFieldTokens } from './command-line.js';
