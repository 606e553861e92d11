/**
 * Every limit of the Yjs content plane in one place. Workshop notes are short: a note is at most
 * 500 characters and a session's shared notes a few pages, so these leave room for a long day
 * of honest typing while one careless or hostile device cannot fill memory or the database.
 */
export const yjsLimits = {
  /** Largest Yjs message taken and refused cleanly (a pasted page is ~10 KiB of update). */
  maxMessageBytes: 64 * 1024,
  /**
   * Frames above this are cut off by the websocket itself (close 1009) before they are read
   * into memory; between `maxMessageBytes` and this the server answers with a refusal.
   */
  maxFrameBytes: 256 * 1024,
  /** Bytes one document may hold in the database (its snapshot plus updates not yet folded in). */
  docBudgetBytes: 1024 * 1024,
  /**
   * Merging drafts into a board (silent writing ends) fills it only up to this, whole drafts,
   * smallest first: what is left of `docBudgetBytes` stays for the group to write on after.
   */
  mergeBudgetBytes: 768 * 1024,
  /**
   * Bytes one token subject may append across all documents of one session, ever (deleting
   * text does not give budget back: it bounds what one device can make the server store).
   */
  subjectBudgetBytes: { participant: 512 * 1024, user: 2 * 1024 * 1024 },
  /** Messages a connection may send in a burst, and how fast that allowance refills. */
  rateBurst: 120,
  ratePerSecond: 30,
  /** A connection that keeps sending past the rate after this many dropped messages is closed. */
  floodCloseAfter: 200,
  /** Largest awareness message relayed (presence and cursors are a few hundred bytes). */
  maxAwarenessBytes: 8 * 1024,
  /** Messages buffered while a document loads (a client sends three or four); more is a flood. */
  maxEarlyMessages: 16,
  /**
   * Sync step 1 ("send me what I lack") answered per connection in a burst, and how fast that
   * refills. A client asks once per connection; each answer may be the whole document, so a
   * reader repeating it would make the server encode and send megabytes for a few bytes.
   */
  syncRequestBurst: 2,
  syncRequestsPerSecond: 0.1,
  /**
   * Bytes waiting to be sent to one connection before it is cut off (terminated): a client that
   * stops reading must not make the server hold ever more for it until the ping notices.
   */
  maxBufferedBytes: 2 * 1024 * 1024,
  /** Open connections of one token subject to one document; one more is closed with 4429. */
  maxConnectionsPerSubjectDoc: 4,
} as const;

/**
 * Why the server did not take a Yjs update; sent to the writer, translated as `errors.<code>`.
 * YJS_PERSONAL_DATA: the text it writes holds personal data (lib/privacy-guard.ts);
 * YJS_AUTHOR_KEY: a board note carries an author key that is not the writer's own.
 */
export const yjsRefusalCodes = ['YJS_TOO_LARGE', 'YJS_DOC_FULL', 'YJS_QUOTA', 'YJS_RATE_LIMITED', 'YJS_READ_ONLY', 'YJS_PERSONAL_DATA', 'YJS_AUTHOR_KEY'] as const;
export type YjsRefusalCode = (typeof yjsRefusalCodes)[number];

export const isYjsRefusalCode = (value: string): value is YjsRefusalCode => (yjsRefusalCodes as readonly string[]).includes(value);

/** Budget of a token subject (`u:<userId>` or `p:<participantId>`). */
export const subjectBudgetOf = (subject: string): number =>
  subject.startsWith('u:') ? yjsLimits.subjectBudgetBytes.user : yjsLimits.subjectBudgetBytes.participant;

/** Usage counter keys: one per document, one per subject within a session. */
export const docUsageKey = (docName: string) => `d:${docName}`;
export const subjectUsageKey = (sessionId: string, subject: string) => `s:${sessionId}:${subject}`;
