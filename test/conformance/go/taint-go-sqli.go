package main

import (
	"database/sql"
	"net/http"
	"strconv"
)

func get(db *sql.DB, r *http.Request) {
	name := r.PostFormValue("name")
	q := "SELECT * FROM users WHERE name = '" + name + "'"
	// ruleid: taint-go-sqli
	db.Query(q)
	// parameterized
	// ok: taint-go-sqli
	db.Query("SELECT * FROM users WHERE name = ?", name)
	id, err := strconv.Atoi(r.PostFormValue("id"))
	if err != nil {
		return
	}
	// sanitized by strconv.Atoi
	// ok: taint-go-sqli
	db.QueryRow("SELECT * FROM users WHERE id = " + strconv.Itoa(id))
	where := ""
	if name != "" {
		where = " WHERE name = '" + name + "'"
	}
	// tainted on one branch
	// ruleid: taint-go-sqli
	db.Exec("DELETE FROM users" + where)
	cols, other := "id", name
	// paired assignment: cols is the constant
	// ok: taint-go-sqli
	db.Query("SELECT " + cols + " FROM users")
	// ruleid: taint-go-sqli
	db.Query("SELECT " + other + " FROM users")
}
