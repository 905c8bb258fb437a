/**
 * Paths of files a manifest refers to (requirements `-r`/`-c` includes): relative names joined and
 * normalized against the including file's folder, with either separator.
 */

/** The folder part of `path`, with its trailing separator ('' when there is none). */
export function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut < 0 ? '' : path.slice(0, cut + 1);
}

/** Joins a relative `name` to `folder` and resolves `.` and `..` segments, keeping the separator style. */
export function joinRelative(folder: string, name: string): string {
  if (/^([A-Za-z]:)?[\\/]/.test(name)) return name;
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  const parts = `${folder}${name}`.split(/[\\/]/);
  const out: string[] = [];
  for (const part of parts) {
    if (part === '.' || (part === '' && out.length > 0)) continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '') out.pop();
    else out.push(part);
  }
  return out.join(sep);
}
