import os

from langchain_community.agent_toolkits import SQLDatabaseToolkit, create_sql_agent
from langchain_community.tools.sql_database.tool import QuerySQLDatabaseTool
from langchain_community.utilities import SQLDatabase
from langchain_experimental.sql import SQLDatabaseChain
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini", timeout=30)


def analytics_agent():
    db = SQLDatabase.from_uri(os.environ["DATABASE_URL"])
    # ruleid: genai.langchain-sql-agent-write-access
    return create_sql_agent(llm, db=db, agent_type="openai-tools", verbose=True)


def qa_chain():
    db = SQLDatabase.from_uri("postgresql://app:app@db:5432/shop")
    # ruleid: genai.langchain-sql-agent-write-access
    return SQLDatabaseChain.from_llm(llm, db, verbose=True)


def toolkit():
    db = SQLDatabase.from_uri("mysql+pymysql://admin@db/crm")
    # ruleid: genai.langchain-sql-agent-write-access
    tools = SQLDatabaseToolkit(db=db, llm=llm).get_tools()
    # ruleid: genai.langchain-sql-agent-write-access
    tools.append(QuerySQLDatabaseTool(db=db))
    return tools


# --- near misses -----------------------------------------------------------------------------


def read_only_sqlite():
    db = SQLDatabase.from_uri("sqlite:///file:chinook.db?mode=ro&uri=true")
    # ok: genai.langchain-sql-agent-write-access
    return create_sql_agent(llm, db=db, agent_type="openai-tools")


def read_only_role():
    db = SQLDatabase.from_uri("postgresql://analytics_readonly@db:5432/shop", include_tables=["orders"])
    # ok: genai.langchain-sql-agent-write-access
    return SQLDatabaseChain.from_llm(llm, db)


def query_generation_only():
    db = SQLDatabase.from_uri(os.environ["DATABASE_URL"])
    # Writes the query without running it.
    # ok: genai.langchain-sql-agent-write-access
    return create_sql_query_chain(llm, db)
