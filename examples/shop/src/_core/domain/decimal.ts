/**
 * The one written form of a decimal: no leading zeros, exactly `scale` fraction digits, no
 * negative zero. Works on the digits, never through a float, so nothing is rounded away.
 *
 * @example normaliseDecimal('009.9', 2) // '9.90'
 * @example normaliseDecimal('-0', 2)    // '0.00'
 */
export function normaliseDecimal(value: string, scale: number): string {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(value.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
    throw new RangeError(`Not a decimal number: ${value}`);
  }
  const [, sign, whole = '', fraction = ''] = match;
  const digits = whole.replace(/^0+(?=\d)/, '') || '0';
  const fixed = scale > 0 ? `${digits}.${fraction.padEnd(scale, '0').slice(0, scale)}` : digits;
  return sign === '-' && /[1-9]/.test(fixed) ? `-${fixed}` : fixed;
}
