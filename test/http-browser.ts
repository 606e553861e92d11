/**
 * Just enough of a browser for redirect flows over real HTTP: follows redirects by hand and
 * carries cookies between requests (by name; paths and ports are not told apart, which only
 * means some requests carry a cookie they would not need).
 */
export function httpBrowser() {
  const jar = new Map<string, string>();

  function store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      const expired = attributes.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && new Date(a.slice(8)) < new Date()));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }

  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

  return {
    jar,
    cookie: (name: string) => jar.get(name),
    /** One request, no redirect followed. */
    async get(url: string | URL): Promise<Response> {
      const res = await fetch(url, { redirect: 'manual', headers: { cookie: cookieHeader() } });
      store(res);
      return res;
    },
    /**
     * Follows redirects from `url` and returns the first URL that is not a redirect, or the
     * first redirect target for which `stopAt` holds (not requested).
     */
    async follow(url: string | URL, stopAt: (next: URL) => boolean = () => false, maxHops = 20): Promise<{ url: URL; response: Response | null }> {
      let current = new URL(url);
      for (let hop = 0; hop < maxHops; hop += 1) {
        const res = await this.get(current);
        const location = res.headers.get('location');
        if (res.status < 300 || res.status >= 400 || !location) return { url: current, response: res };
        await res.body?.cancel();
        current = new URL(location, current);
        if (stopAt(current)) return { url: current, response: null };
      }
      throw new Error(`more than ${maxHops} redirects from ${String(url)}`);
    },
  };
}
