/**
 * The git hosts the web editor saves to, each described once: the backend Sveltia CMS is given, and
 * the origins the editor's page may talk to once an editor has signed in (the page's policy names
 * exactly these). GitHub stays the default, so a site that names no backend is unchanged.
 */
import type { CmsSettingsData } from "../content/model/schema.ts";
import type { CmsConfig, CommitMessages } from "./sveltia-types.ts";

type Backend = CmsConfig["backend"];

/** GitHub's API and the hosts of its files and avatars. */
const GITHUB_ORIGINS = ["https://api.github.com", "https://*.githubusercontent.com"];

const withoutSlash = (url: string) => url.replace(/\/+$/, "");

/** GitLab's address: gitlab.com, or the organisation's own. */
const gitlabBase = (cms: CmsSettingsData) => withoutSlash(cms.baseUrl ?? "https://gitlab.com");

/** The origins the web editor talks to for a repository, or GitHub's for the preview's local repository. */
export function hostOrigins(cms: CmsSettingsData | undefined): string[] {
  switch (cms?.backend ?? "github") {
    case "github":
      return GITHUB_ORIGINS;
    case "gitlab":
      return [new URL(gitlabBase(cms!)).origin];
    case "forgejo":
      return [new URL(cms!.baseUrl!).origin];
  }
}

/** Sveltia CMS's backend for a repository; `commit_messages` are the same on every host. */
export function hostBackend(cms: CmsSettingsData, commit_messages: CommitMessages): Backend {
  const { repo, branch } = cms;
  // Without an OAuth application, editors sign in with a personal access token, which needs no server.
  const tokenOnly = { auth_methods: ["token" as const] };
  switch (cms.backend) {
    case "github":
      // An OAuth worker, where there is one, adds "Logga in med GitHub".
      return { name: "github", repo, branch, ...(cms.oauthWorker ? { base_url: withoutSlash(cms.oauthWorker) } : tokenOnly), commit_messages };
    case "gitlab": {
      const base = gitlabBase(cms);
      // PKCE signs in from the browser with no server of ours; the token stays possible.
      const signIn = cms.appId ? { auth_type: "pkce" as const, app_id: cms.appId } : tokenOnly;
      return { name: "gitlab", repo, branch, ...(cms.baseUrl ? { api_root: `${base}/api/v4`, base_url: base } : {}), ...signIn, commit_messages };
    }
    case "forgejo": {
      const base = withoutSlash(cms.baseUrl!);
      return { name: "gitea", repo, branch, api_root: `${base}/api/v1`, base_url: base, ...(cms.appId ? { app_id: cms.appId } : tokenOnly), commit_messages };
    }
  }
}
