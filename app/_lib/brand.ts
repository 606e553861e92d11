/**
 * The colour of Aksel's InternalHeader (always dark: --ax-bg-raised in its dark theme), given to
 * the browser as theme colour so a phone's status bar and an installed app's title bar run on
 * into the page's own header.
 */
export const headerColor = '#1c232f';

/** The page background behind an installed app's splash screen (Aksel's --ax-bg-default). */
export const pageColor = '#ffffff';
