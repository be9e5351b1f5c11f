declare const tokenType: unique symbol;

/** An injection token that remembers the type it resolves to. Plain symbol: no DI import here. */
export type Token<T> = symbol & { readonly [tokenType]?: T };

export function token<T>(description: string): Token<T> {
  return Symbol(description) as Token<T>;
}
