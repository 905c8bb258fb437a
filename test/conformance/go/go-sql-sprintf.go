package main

import (
	"database/sql"
	"fmt"
	"log"
)

func find(db *sql.DB, name string) {
	// ruleid: go-sql-sprintf
	rows, err := db.Query(fmt.Sprintf("SELECT * FROM users WHERE name = '%s'", name))
	// comments between the arguments do not matter
	// ruleid: go-sql-sprintf
	rows, err = db.Query( // look the user up
		/* built by hand */ fmt.Sprintf("SELECT * FROM users WHERE name = '%s'", name),
	)
	_, _ = rows, err
}

func remove(db *sql.DB, id string, really bool) {
	// ruleid: go-sql-sprintf
	q := fmt.Sprintf("DELETE FROM users WHERE id = '%s'", id)
	log.Println("deleting", id)
	if really {
		db.Exec(q)
	}
}

func params(db *sql.DB, name string) {
	// ok: go-sql-sprintf
	rows, err := db.Query("SELECT * FROM users WHERE name = $1", name)
	_, _ = rows, err
}

func otherQuery(db *sql.DB, name string) {
	// near miss: the formatted string is only logged
	// ok: go-sql-sprintf
	q := fmt.Sprintf("name=%s", name)
	log.Println(q)
	db.Exec("DELETE FROM sessions")
}

func prepare(db *sql.DB, table string) {
	// near miss: Prepare is not in the method list
	// ok: go-sql-sprintf
	stmt, err := db.Prepare(fmt.Sprintf("SELECT * FROM %s", table))
	_, _ = stmt, err
}

func scoped(db *sql.DB, id string, flag bool) {
	var q string
	if flag {
		// near miss: `...` does not leave the if block to reach the Exec below
		// ok: go-sql-sprintf
		q := fmt.Sprintf("DELETE FROM users WHERE id = '%s'", id)
		log.Println(q)
	}
	db.Exec(q)
}
