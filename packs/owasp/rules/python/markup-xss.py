import bleach
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from markupsafe import Markup, escape


def comment_html(comment):
    # ruleid: owasp.python.markup-xss
    return Markup(f"<p class='comment'>{comment.body}</p>")


def badge(user):
    # ruleid: owasp.python.markup-xss
    return Markup("<span class='badge'>" + user.display_name + "</span>")


def bio(profile):
    # ruleid: owasp.python.markup-xss
    return mark_safe(profile.bio_html)


def title(name):
    # ruleid: owasp.python.markup-xss
    return mark_safe("<h2>%s</h2>" % name)


def safe_badge(user):
    # ok: owasp.python.markup-xss
    return Markup("<span class='badge'>{}</span>").format(user.display_name)


def safe_title(name):
    # ok: owasp.python.markup-xss
    return format_html("<h2>{}</h2>", name)


def icon():
    # ok: owasp.python.markup-xss
    return Markup('<svg class="icon"><use href="#star"/></svg>')


def cleaned(profile):
    # ok: owasp.python.markup-xss
    return mark_safe(bleach.clean(profile.bio_html, tags=["b", "i", "a"]))


def escaped(name):
    # ok: owasp.python.markup-xss
    return Markup(escape(name))
