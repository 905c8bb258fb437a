package files

import (
	"io"
	"net/http"
	"os"
	"path/filepath"

	"github.com/gin-gonic/gin"
)

const uploadDir = "/srv/app/uploads"

func Download(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	// ruleid: owasp.go.path-traversal
	http.ServeFile(w, r, filepath.Join(uploadDir, name))
}

func Raw(w http.ResponseWriter, r *http.Request) {
	// ruleid: owasp.go.path-traversal
	f, err := os.Open(filepath.Clean(uploadDir + "/" + r.PathValue("name")))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	io.Copy(w, f)
}

func Delete(c *gin.Context) {
	target := filepath.Join(uploadDir, c.Param("name"))
	// ruleid: owasp.go.path-traversal
	if err := os.Remove(target); err != nil {
		c.Status(http.StatusNotFound)
		return
	}
	c.Status(http.StatusNoContent)
}

func Attachment(c *gin.Context) {
	// ruleid: owasp.go.path-traversal
	c.File(filepath.Join(uploadDir, c.Query("doc")))
}

func DownloadSafe(w http.ResponseWriter, r *http.Request) {
	name := filepath.Base(r.URL.Query().Get("file"))
	// ok: owasp.go.path-traversal
	http.ServeFile(w, r, filepath.Join(uploadDir, name))
}

func Manual(w http.ResponseWriter, r *http.Request) {
	// ok: owasp.go.path-traversal
	http.ServeFile(w, r, filepath.Join(uploadDir, "manual.pdf"))
}
