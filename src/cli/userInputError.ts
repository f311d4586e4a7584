/** The user's input cannot be used (exit 2): the message is shown as is, without a stack trace. */
export class UserInputError extends Error {
  override readonly name = 'UserInputError';
}
