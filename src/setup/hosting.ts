/**
 * Where an organisation keeps its archive and where it publishes the site, as `npm run setup` asks
 * them: the git host of the repository (which writes site.yaml's `cms`), the place the site is
 * published (which suggests its address), the path prefix the CI builds with there, and the
 * editor guide's section that walks through each. The CI files' own defaults are described here
 * once: .github/workflows/site.yml builds under /<repository>/, .gitlab-ci.yml under the path of
 * the project's Pages address, .forgejo/workflows/site.yml under /, and each takes the variable
 * SITE_PATH_PREFIX instead when it is set.
 */
import { z } from "zod";
import { siteSchema, type CmsSettingsData } from "../content/model/schema.ts";

/** The git hosts the web editor can save to, as the content schema names them. */
export const GIT_HOSTS = siteSchema.shape.cms.unwrap().shape.backend.unwrap().options;
export type GitHost = (typeof GIT_HOSTS)[number];

/** The answer for a repository that has no place yet. */
export const NO_HOST = "ingen";

/** Where the repository lives, as setup's question takes it. */
export const hostAnswer = z.enum([...GIT_HOSTS, NO_HOST]);

/** Where the site is published. */
export const publishingAnswer = z.enum(["github-pages", "gitlab-pages", "server"]);
export type Publishing = z.output<typeof publishingAnswer>;

/** The editor guide, which every section below is in. */
export const GUIDE = "docs/redaktorsguide.md";

/** A section of the editor guide: its heading, and its anchor as GitHub makes it. */
export interface GuideSection {
  readonly heading: string;
  readonly anchor: string;
}

const section = (heading: string): GuideSection => ({
  heading,
  // As GitHub makes an anchor of a heading: lower case, punctuation out, spaces as hyphens; å, ä and ö stay.
  anchor: heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} -]/gu, "")
    .replaceAll(" ", "-"),
});

/** The guide's section on putting the repository on each host. */
export const REPOSITORY_SECTIONS: Readonly<Record<GitHost, GuideSection>> = {
  github: section("På GitHub, från mallen"),
  gitlab: section("På GitLab"),
  forgejo: section("På Forgejo"),
};

/** The guide's section on each way of publishing. */
export const PUBLISHING_SECTIONS: Readonly<Record<Publishing, GuideSection>> = {
  "github-pages": section("Publicera med GitHub Pages"),
  "gitlab-pages": section("Publicera med GitLab Pages"),
  server: section("Publicera på organisationens egen webbserver"),
};

/** "kapitlet Ta arkivet i bruk, avsnittet "Publicera med GitLab Pages" (docs/redaktorsguide.md#…)". */
export const guideReference = ({ heading, anchor }: GuideSection) => `redaktörsguiden, avsnittet "${heading}" (${GUIDE}#${anchor})`;

/** Each host's name, and where its settings put a CI variable. */
const HOST_NAMES: Readonly<Record<GitHost, { readonly name: string; readonly variables: string }>> = {
  github: { name: "GitHub", variables: "Settings → Secrets and variables → Actions, fliken Variables" },
  gitlab: { name: "GitLab", variables: "Settings → CI/CD → Variables" },
  forgejo: { name: "Forgejo", variables: "Settings → Actions → Variables" },
};

/** The host's name as a person reads it: "GitLab". */
export const hostName = (host: GitHost) => HOST_NAMES[host].name;

/** The way of publishing that goes with a host when nothing else is said. */
export const defaultPublishing = (host: GitHost | undefined): Publishing => (host === "gitlab" ? "gitlab-pages" : host === "forgejo" ? "server" : "github-pages");

/** The way of publishing an address shows: a github.io or gitlab.io address is Pages. */
export function publishingOf(url: string | undefined, host: GitHost | undefined): Publishing {
  const hostname = url && URL.canParse(url) ? new URL(url).hostname : "";
  if (hostname.endsWith(".github.io")) return "github-pages";
  if (hostname.endsWith(".gitlab.io")) return "gitlab-pages";
  return defaultPublishing(host);
}

/**
 * The address GitHub Pages gives a repository (owner/name): https://owner.github.io/name/, or the
 * owner's own site for a repository named owner.github.io.
 */
export function githubPagesUrl(repo: string): string {
  const [owner = "", name = ""] = repo.split("/");
  const site = `${owner.toLowerCase()}.github.io`;
  return name.toLowerCase() === site ? `https://${site}/` : `https://${site}/${name}/`;
}

/** What setup knows of where the archive is kept and published. */
export interface Hosting {
  /** The git host of the repository, when it has one; its CI builds and publishes the site. */
  readonly cms?: Pick<CmsSettingsData, "backend" | "repo" | "baseUrl">;
  readonly publishing: Publishing;
  /** The site's address, as site.yaml's `url`. */
  readonly url: string;
}

/**
 * The path prefix the host's CI builds with when SITE_PATH_PREFIX is not set, or undefined when
 * only the host knows it (a GitLab Pages address on another domain than gitlab.io).
 */
function defaultPrefix({ cms, publishing, url }: Hosting): string | undefined {
  if (!cms) return undefined;
  switch (cms.backend) {
    case "github":
      // The workflow publishes to Pages under /<repository>/ (also for owner.github.io, which Pages
      // serves at /); the guide's step for the organisation's own server builds under /.
      return publishing === "github-pages" ? `/${cms.repo.split("/")[1]}/` : "/";
    case "gitlab":
      // The path of the project's Pages address, which is the site's address when it is on gitlab.io.
      return publishing === "gitlab-pages" && new URL(url).hostname.endsWith(".gitlab.io") ? new URL(url).pathname : undefined;
    case "forgejo":
      return "/";
  }
}

/**
 * The path prefix the site needs, as a line of what setup did (the CI builds with it as it is) or
 * of what is left (the variable SITE_PATH_PREFIX to set, and where); none when the archive has no
 * host yet.
 */
export function pathPrefixAdvice(hosting: Hosting): { readonly done?: string; readonly remaining?: string } {
  const { cms, url } = hosting;
  if (!cms) return {};
  const prefix = new URL(url).pathname;
  const { name, variables } = HOST_NAMES[cms.backend];
  if (defaultPrefix(hosting) === prefix) return { done: `Webbplatsen ligger under sökvägen ${prefix}, som bygget på ${name} använder utan inställning` };
  const unknown = cms.backend === "gitlab" && hosting.publishing === "gitlab-pages" ? ", om inte adressen är den som GitLab visar under Deploy → Pages" : "";
  return { remaining: `${name}: skapa variabeln SITE_PATH_PREFIX med värdet ${prefix} (${variables}), så att bygget gör länkarna för ${url}${unknown}` };
}
