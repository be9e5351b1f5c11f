/** The `info` block of `/api/openapi.json`. */
export const apiInfo = { title: 'shop', version: '0.1.0' };
