/** Makes the compiler refuse a `switch` that forgets a command or event type. */
export const assertNever = (value: never): never => {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
};
