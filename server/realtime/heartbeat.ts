/**
 * How soon a silent connection is given up, on both ends. engine.io's defaults (a ping every
 * 25 s, 20 s to answer) let a phone that lost the network count as "tilkoblet" for up to 45 s,
 * and let the phone itself believe it was connected as long. The server pings every
 * `pingIntervalMs` and closes a connection that has not answered within `pingTimeoutMs`; the
 * client hears both numbers in the handshake and closes its end when no ping came within their
 * sum. So a dropped phone leaves presence, and sees itself offline, within `silentDropBoundMs`.
 *
 * The answer gets most of the 5 s: an event loop busy for a few seconds on either end (a loaded
 * laptop, a server mid-archive) must not look like a lost network. The cost is one small frame
 * each way per connection every second (2,000 phones: 2,000 frames a second, a few dozen
 * kB/s), and a phone whose browser stalls for 4 s is let go and rejoins: cheap, since every
 * (re)connect joins again and gets the current snapshot.
 */
export const heartbeat = {
  pingIntervalMs: 1_000,
  pingTimeoutMs: 4_000,
} as const;

/** The longest a connection that went silent counts as connected, on either end. */
export const silentDropBoundMs = heartbeat.pingIntervalMs + heartbeat.pingTimeoutMs;
