import { DomSanitizer, SafeHtml } from "@angular/platform-browser";

export function render(sanitizer: DomSanitizer, html: string): SafeHtml {
  // Typed metavariables (`($S: DomSanitizer)`) need type information Moat does not have yet:
  // a known false negative, kept visible here.
  // todoruleid: ts-sanitizer-bypass
  return sanitizer.bypassSecurityTrustHtml(html);
}

export function frame(s: DomSanitizer, url: string) {
  // todoruleid: ts-sanitizer-bypass
  const safe = s.bypassSecurityTrustResourceUrl(url);
  // ok: ts-sanitizer-bypass
  const fixed = s.bypassSecurityTrustHtml("<b>constant</b>");
  // ok: ts-sanitizer-bypass
  const sanitized = s.sanitize(1, url);
  return [safe, fixed, sanitized];
}

export function notASanitizer(cache: Map<string, string>, html: string) {
  // the receiver is not typed DomSanitizer
  // ok: ts-sanitizer-bypass
  return (cache as any).bypassSecurityTrustHtml(html);
}

export function otherType(s: OtherSanitizer, html: string) {
  // ok: ts-sanitizer-bypass
  return s.bypassSecurityTrustHtml(html);
}
