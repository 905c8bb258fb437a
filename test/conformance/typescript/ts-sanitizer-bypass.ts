import { DomSanitizer, SafeHtml } from "@angular/platform-browser";

export function render(sanitizer: DomSanitizer, html: string): SafeHtml {
  // The typed metavariable `($S: DomSanitizer)` matches through the parameter's declared type.
  // ruleid: ts-sanitizer-bypass
  return sanitizer.bypassSecurityTrustHtml(html);
}

export function frame(s: DomSanitizer, url: string) {
  // ruleid: ts-sanitizer-bypass
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

export class Viewer {
  private cache: Map<string, string> = new Map();

  constructor(private readonly sanitizer: DomSanitizer) {}

  show(html: string) {
    // a constructor parameter property is a field: `this.sanitizer` has its type
    // ruleid: ts-sanitizer-bypass
    const trusted = this.sanitizer.bypassSecurityTrustHtml(html);
    // ok: ts-sanitizer-bypass
    const other = (this.cache as any).bypassSecurityTrustHtml(html);
    return [trusted, other];
  }

  shadowed(sanitizer: OtherSanitizer, html: string) {
    // the parameter shadows nothing here, but its own type is not DomSanitizer
    // ok: ts-sanitizer-bypass
    return sanitizer.bypassSecurityTrustHtml(html);
  }

  local(html: string) {
    const local: DomSanitizer = this.sanitizer;
    // a local variable with a type annotation
    // ruleid: ts-sanitizer-bypass
    return local.bypassSecurityTrustScript(html);
  }
}
