/**
 * Text made safe inside HTML or XML written by hand: in an element's text or in a quoted attribute.
 * For the few places that write markup without a template engine (the importer's HTML, the
 * preview's error page, the maps' SVG); templates escape through Nunjucks.
 */
export const escapeMarkup = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
