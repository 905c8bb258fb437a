from langchain.agents import AgentExecutor, create_react_agent, load_tools
from langchain_community.agent_toolkits import RequestsToolkit
from langchain_community.tools import ShellTool
from langchain_community.utilities import TextRequestsWrapper
from langchain_core.tools import tool
from langchain_experimental import tools as experimental_tools
from langchain_experimental.agents import create_csv_agent, create_pandas_dataframe_agent
from langchain_experimental.tools import PythonAstREPLTool, PythonREPLTool
from langchain_experimental.utilities import PythonREPL


def build_agent(llm, prompt, df):
    tools = [
        # ruleid: genai.langchain-dangerous-tool
        PythonREPLTool(),
        # ruleid: genai.langchain-dangerous-tool
        ShellTool(),
        # ruleid: genai.langchain-dangerous-tool
        PythonAstREPLTool(locals={"df": df}),
        # ruleid: genai.langchain-dangerous-tool
        experimental_tools.PythonREPLTool(),
    ]
    agent = create_react_agent(llm, tools, prompt)
    return AgentExecutor(agent=agent, tools=tools)


def dataframe_agent(llm, df):
    # ruleid: genai.langchain-dangerous-tool
    return create_pandas_dataframe_agent(llm, df, verbose=True, allow_dangerous_code=True)


def csv_agent(llm):
    return create_csv_agent(
        llm,
        "sales.csv",
        # ruleid: genai.langchain-dangerous-tool
        allow_dangerous_code=True,
    )


def requests_agent():
    # ruleid: genai.langchain-dangerous-tool
    toolkit = RequestsToolkit(requests_wrapper=TextRequestsWrapper(headers={}), allow_dangerous_requests=True)
    return toolkit.get_tools()


def legacy_tools(llm):
    # ruleid: genai.langchain-dangerous-tool
    return load_tools(["terminal", "llm-math"], llm=llm)


def repl():
    # ruleid: genai.langchain-dangerous-tool
    return PythonREPL()


# --- near misses -----------------------------------------------------------------------------


@tool
def lookup_order(order_id: str) -> str:
    """Look up an order by id."""
    return ORDERS.get(order_id, "unknown")


def safe_agent(llm, prompt, df):
    # ok: genai.langchain-dangerous-tool
    tools = [lookup_order]
    # ok: genai.langchain-dangerous-tool
    more = load_tools(["llm-math", "wikipedia"], llm=llm)
    # The agent refuses to start without allow_dangerous_code=True.
    # ok: genai.langchain-dangerous-tool
    pandas_agent = create_pandas_dataframe_agent(llm, df, allow_dangerous_code=False)
    agent = create_react_agent(llm, tools + more, prompt)
    return AgentExecutor(agent=agent, tools=tools + more), pandas_agent
