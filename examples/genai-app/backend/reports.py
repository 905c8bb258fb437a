"""Reporting routes for the support team, mounted by main.py under /reports.

- POST /reports/ask: "ask your data" over the ticket database (text-to-SQL);
- GET /reports/digest: a printable HTML digest of open tickets, written by the model.
"""
import html
import sqlite3

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from .llm import chat

router = APIRouter(prefix="/reports")

DB_PATH = "data/tickets.db"
SCHEMA = "tickets(id INTEGER, product TEXT, status TEXT, opened_at TEXT, customer_email TEXT)"


class ReportQuestion(BaseModel):
    question: str


def _connect():
    return sqlite3.connect(DB_PATH)


@router.post("/ask")
async def ask_data(body: ReportQuestion):
    """Text-to-SQL: the model's query runs as-is on a read-write connection."""
    response = chat(
        [
            {"role": "system", "content": f"Write one SQLite query over {SCHEMA}. Reply with SQL only."},
            {"role": "user", "content": body.question},
        ],
        max_tokens=300,
    )
    sql = response.choices[0].message.content.strip().strip("`")
    with _connect() as db:
        rows = db.execute(sql).fetchall()
    return {"sql": sql, "rows": rows}


@router.post("/open-by-product")
async def open_by_product(body: ReportQuestion):
    """The safe shape: the model only extracts a product name, which is bound as a parameter."""
    response = chat(
        [
            {"role": "system", "content": "Reply with the Acme product name the question is about, nothing else."},
            {"role": "user", "content": body.question},
        ],
        max_tokens=20,
    )
    product = response.choices[0].message.content.strip()
    with _connect() as db:
        rows = db.execute("SELECT id, status FROM tickets WHERE product = ? AND status = 'open'", (product,)).fetchall()
    return {"product": product, "rows": rows}


@router.get("/digest", response_class=HTMLResponse)
async def digest():
    """The model writes HTML and it is served as-is: a prompt injection in a ticket becomes XSS."""
    with _connect() as db:
        counts = db.execute("SELECT product, count(*) FROM tickets WHERE status = ? GROUP BY product", ("open",)).fetchall()
    response = chat([{"role": "user", "content": f"Write a short HTML digest of open tickets per product: {counts}"}], max_tokens=600)
    return HTMLResponse(f"<html><body>{response.choices[0].message.content}</body></html>")


@router.get("/digest.txt", response_class=HTMLResponse)
async def digest_text():
    """The safe shape: the model writes plain text, escaped into a <pre> block."""
    with _connect() as db:
        counts = db.execute("SELECT product, count(*) FROM tickets WHERE status = ? GROUP BY product", ("open",)).fetchall()
    response = chat([{"role": "user", "content": f"Summarize open tickets per product in plain text: {counts}"}], max_tokens=600)
    return HTMLResponse("<pre>" + html.escape(response.choices[0].message.content) + "</pre>")
