package web

import (
	"html/template"
	"net/http"

	"github.com/microcosm-cc/bluemonday"
)

type Comment struct {
	Author string
	Body   string
}

var page = template.Must(template.ParseFiles("templates/comments.html"))

const footer = `<footer>&copy; Example Inc.</footer>`

func Comments(w http.ResponseWriter, r *http.Request, comments []Comment) {
	rendered := make([]template.HTML, 0, len(comments))
	for _, c := range comments {
		// ruleid: owasp.go.template-html-unescaped
		rendered = append(rendered, template.HTML("<b>"+c.Author+"</b>: "+c.Body))
	}
	page.Execute(w, map[string]any{"Comments": rendered})
}

func Profile(w http.ResponseWriter, r *http.Request, bio string, website string) {
	page.Execute(w, map[string]any{
		// ruleid: owasp.go.template-html-unescaped
		"Bio": template.HTML(bio),
		// ruleid: owasp.go.template-html-unescaped
		"Website": template.URL(website),
	})
}

func ProfileSafe(w http.ResponseWriter, r *http.Request, bio string) {
	policy := bluemonday.UGCPolicy()
	page.Execute(w, map[string]any{
		// ok: owasp.go.template-html-unescaped
		"Bio": template.HTML(policy.Sanitize(bio)),
		// ok: owasp.go.template-html-unescaped
		"Footer": template.HTML(footer),
		// ok: owasp.go.template-html-unescaped
		"Badge": template.HTML(`<span class="badge">beta</span>`),
	})
}
