/** Builds a Dependency with its purl, leaving out the optional fields that are unknown. */
import type { SourceRange } from '../../engine/finding';
import type { Dependency, Ecosystem } from '../types';
import { purlFor } from './package-url';

export interface DependencyFields {
  ecosystem: Ecosystem;
  name: string;
  version?: string;
  spec?: string;
  direct: boolean;
  file: string;
  range: SourceRange;
  specRange?: SourceRange;
  lockfile?: string;
}

export function newDependency(fields: DependencyFields): Dependency {
  const dep: {
    -readonly [K in keyof Dependency]: Dependency[K];
  } = {
    ecosystem: fields.ecosystem,
    name: fields.name,
    purl: purlFor(fields.ecosystem, fields.name, fields.version),
    direct: fields.direct,
    file: fields.file,
    range: fields.range,
  };
  if (fields.version !== undefined && fields.version !== '') dep.version = fields.version;
  if (fields.spec !== undefined) dep.spec = fields.spec;
  if (fields.specRange) dep.specRange = fields.specRange;
  if (fields.lockfile !== undefined) dep.lockfile = fields.lockfile;
  return dep;
}
