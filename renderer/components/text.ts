/** "the key is locked" → "The key is locked". */
export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The core's messages are lower-case clauses (written for the command line); here they open a sentence. */
export const sentence = (text: string) => `${capitalise(text)}${/[.!?]$/.test(text) ? '' : '.'}`;
