/**
 * Where a session's results are drawn: the results page and the archive card (`page`), the big
 * screen's closing summary (`screen`, read from the back of the room) and a phone's short
 * summary (`phone`). The same views serve all three; only type size and links differ.
 */
export type ResultSize = 'page' | 'screen' | 'phone';

/** Body text class per size. */
export const textSize: Record<ResultSize, string> = { page: '', screen: '!text-2xl', phone: '' };
