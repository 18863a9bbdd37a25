/**
 * Sveltia CMS's configuration types. The package's main.d.ts re-exports them from "./types/public"
 * without a file extension, which TypeScript's NodeNext resolution does not follow, so they are
 * imported from their file.
 */
export type { CmsConfig, CommitMessages, Field } from "../../node_modules/@sveltia/cms/types/public.js";
