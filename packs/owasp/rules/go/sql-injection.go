package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

type UserStore struct {
	db *sql.DB
}

func (s *UserStore) ByEmail(ctx context.Context, email string) (*sql.Row, error) {
	// ruleid: owasp.go.sql-injection
	row := s.db.QueryRowContext(ctx, fmt.Sprintf("SELECT id, name FROM users WHERE email = '%s'", email))
	return row, nil
}

func (s *UserStore) Search(w http.ResponseWriter, r *http.Request) {
	term := r.URL.Query().Get("q")
	// ruleid: owasp.go.sql-injection
	rows, err := s.db.Query("SELECT id FROM products WHERE name LIKE '%" + term + "%'")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer rows.Close()
}

func DeleteOrders(ctx context.Context, tx *sql.Tx, ids []string) error {
	query := fmt.Sprintf("DELETE FROM orders WHERE id IN (%s)", strings.Join(ids, ","))
	// ruleid: owasp.go.sql-injection
	_, err := tx.ExecContext(ctx, query)
	return err
}

func (s *UserStore) ByEmailSafe(ctx context.Context, email string) *sql.Row {
	// ok: owasp.go.sql-injection
	return s.db.QueryRowContext(ctx, "SELECT id, name FROM users WHERE email = $1", email)
}

func (s *UserStore) Count(ctx context.Context) *sql.Row {
	// ok: owasp.go.sql-injection
	return s.db.QueryRowContext(ctx, "SELECT count(*) FROM users")
}

func Greeting(w http.ResponseWriter, name string) {
	// ok: owasp.go.sql-injection
	fmt.Fprintf(w, "Hello %s", name)
}

func (s *UserStore) ByID(id int) (*sql.Rows, error) {
	// ok: owasp.go.sql-injection
	return s.db.Query("SELECT id, name FROM users WHERE id = " + strconv.Itoa(id))
}

func (s *UserStore) All() (*sql.Rows, error) {
	// ok: owasp.go.sql-injection
	return s.db.Query("SELECT id, name " + "FROM users")
}
