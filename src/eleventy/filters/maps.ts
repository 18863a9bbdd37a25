import type { Archive, Project } from "../../content/model/model.ts";
import { partnerMaps, type MapImage } from "../../maps/partner-maps.ts";

/** `{{ archive | overviewMap }}`: the start page's map of partner countries, or undefined. */
export function overviewMap(archive: Archive): MapImage | undefined {
  return partnerMaps(archive).overview();
}

/** `{{ project | projectMap(archive) }}`: the map with the project's partner countries marked, or undefined. */
export function projectMap(project: Project, archive: Archive): MapImage | undefined {
  return partnerMaps(archive).ofProject(project);
}
