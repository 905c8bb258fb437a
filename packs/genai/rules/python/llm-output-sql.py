import sqlite3

import pandas as pd
import psycopg
from langchain_community.utilities import SQLDatabase
from openai import OpenAI
from sqlalchemy import create_engine, text

client = OpenAI(timeout=30)
engine = create_engine("postgresql+psycopg://reporting@db/analytics")
SCHEMA = "orders(id, customer_id, total, created_at)"


def text_to_sql(question):
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        max_tokens=300,
        messages=[
            {"role": "system", "content": f"Write one PostgreSQL query for this schema: {SCHEMA}"},
            {"role": "user", "content": question},
        ],
    )
    sql = resp.choices[0].message.content.strip().removeprefix("```sql").removesuffix("```")
    with psycopg.connect("dbname=analytics") as conn:
        cur = conn.cursor()
        # ruleid: genai.llm-output-sql
        cur.execute(sql)
        return cur.fetchall()


def report(question):
    resp = client.chat.completions.create(model="gpt-4o-mini", max_tokens=300, messages=[{"role": "user", "content": question}])
    query = resp.choices[0].message.content
    with engine.connect() as connection:
        # ruleid: genai.llm-output-sql
        rows = connection.execute(text(query)).fetchall()
    # ruleid: genai.llm-output-sql
    frame = pd.read_sql(query, engine)
    return rows, frame


def tag_ticket(ticket_id, body):
    resp = client.responses.create(model="gpt-4o-mini", input=f"One-word category for: {body}")
    category = resp.output_text
    db = sqlite3.connect("tickets.db")
    # ruleid: genai.llm-output-sql
    db.execute(f"UPDATE tickets SET category = '{category}' WHERE id = {ticket_id}")
    # Bound parameters keep the model's text as data.
    # ok: genai.llm-output-sql
    db.execute("UPDATE tickets SET category = ? WHERE id = ?", (category, ticket_id))
    db.commit()


def langchain_sql(chain, question):
    db = SQLDatabase.from_uri("sqlite:///chinook.db")
    generated = chain.invoke({"question": question})
    # ruleid: genai.llm-output-sql
    return db.run(generated)


async def claude_sql(claude, pool, question):
    message = await claude.messages.create(model="claude-sonnet-4-5", max_tokens=512, messages=[{"role": "user", "content": question}])
    statement = message.content[0].text
    async with pool.acquire() as conn:
        # ruleid: genai.llm-output-sql
        return await conn.fetch(statement)


# --- near misses -----------------------------------------------------------------------------


def audit_log(conn, question):
    resp = client.chat.completions.create(model="gpt-4o-mini", max_tokens=300, messages=[{"role": "user", "content": question}])
    answer = resp.choices[0].message.content
    # ok: genai.llm-output-sql
    conn.execute("INSERT INTO answers (question, answer) VALUES (%s, %s)", (question, answer))
    # A constant query next to model output.
    # ok: genai.llm-output-sql
    conn.execute("SELECT count(*) FROM answers")
    return answer


def not_model_output(conn, table):
    # ok: genai.llm-output-sql
    conn.execute(f"SELECT * FROM {table} LIMIT 10")


def worker(pool, job):
    # A task runner's .run is not a database.
    result = job.run()
    # ok: genai.llm-output-sql
    return pool.fetch("SELECT 1"), result
