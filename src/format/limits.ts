/**
 * How long a name or a slug may be. Every slug becomes a folder of the built site, and a file
 * system refuses a name longer than 255 bytes (ENAMETOOLONG): one harvested record with a long
 * slug would stop every later build. Names are checked where they are read (content, harvest,
 * import, setup) against the same limits.
 */

/** The longest name of an organisation, a funder or a person; a longer one is refused. */
export const MAX_NAME_LENGTH = 200;

/** The longest slug; a longer one is cut, with a short hash so that two cut slugs stay apart. */
export const MAX_SLUG_LENGTH = 80;

/** "namnet är 304 tecken långt; högst 200 går": the message for a name over the limit. */
export const nameTooLong = (length: number) => `namnet är ${length} tecken långt; högst ${MAX_NAME_LENGTH} går`;
