/** Base64 of a string's UTF-8 bytes, as an `Authorization: Basic` header carries it. */
export function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
