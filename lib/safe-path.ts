/** Only same-site paths: an open redirect would turn sign-in into a phishing tool. */
export function safeReturnPath(value: string | undefined | null, fallback = '/prosjekter'): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : fallback;
}
