"""The support agent: answers account questions with tools.

Two generations of the same idea live side by side here, as they often do:
- `run_agent` is the hand-rolled OpenAI tool-calling loop used by /agent;
- `build_analyst` is the LangChain "data analyst" agent used by the internal dashboard.
"""
import ast
import json
import operator

from langchain.agents import AgentExecutor, create_tool_calling_agent
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.tools import tool
from langchain_experimental.tools import PythonREPLTool
from langchain_openai import ChatOpenAI

from .llm import chat

ORDERS = {"A-1001": "shipped", "A-1002": "processing", "A-1003": "delivered"}

TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "order_status",
            "description": "Status of an order by its id, e.g. A-1001.",
            "parameters": {"type": "object", "properties": {"order_id": {"type": "string"}}, "required": ["order_id"]},
        },
    },
    {
        "type": "function",
        "function": {
            "name": "calculate",
            "description": "Evaluate an arithmetic expression, e.g. refunds or pro-rated prices.",
            "parameters": {"type": "object", "properties": {"expression": {"type": "string"}}, "required": ["expression"]},
        },
    },
]

_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv, ast.USub: operator.neg}


def safe_arithmetic(expression):
    """Numbers and + - * / only: the way `calculate` should have been written."""

    def walk(node):
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return node.value
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](walk(node.left), walk(node.right))
        if isinstance(node, ast.UnaryOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](walk(node.operand))
        raise ValueError("unsupported expression")

    return walk(ast.parse(expression, mode="eval"))


def run_agent(messages, max_steps=4):
    for _ in range(max_steps):
        response = chat(messages, tools=TOOLS)
        message = response.choices[0].message
        if not message.tool_calls:
            return message.content
        messages.append(message)
        for call in message.tool_calls:
            args = json.loads(call.function.arguments)
            if call.function.name == "order_status":
                result = ORDERS.get(args.get("order_id", ""), "unknown order")
            elif call.function.name == "calculate":
                # The model chooses `expression`; a prompt injection chooses it too.
                result = str(eval(args["expression"]))
            else:
                result = "unknown tool"
            messages.append({"role": "tool", "tool_call_id": call.id, "content": result})
    return "Sorry, I could not finish that request."


def quote_refund(expression):
    """Used by the billing page: the same calculator, done safely."""
    return safe_arithmetic(expression)


@tool
def order_status(order_id: str) -> str:
    """Status of an order by its id."""
    return ORDERS.get(order_id, "unknown order")


def build_analyst():
    llm = ChatOpenAI(model="gpt-4o-mini", timeout=30, max_retries=2)
    prompt = ChatPromptTemplate.from_messages(
        [
            ("system", "You analyse Acme's support metrics. Use Python for any calculation."),
            ("human", "{input}"),
            ("placeholder", "{agent_scratchpad}"),
        ]
    )
    tools = [order_status, PythonREPLTool()]
    agent = create_tool_calling_agent(llm, tools, prompt)
    return AgentExecutor(agent=agent, tools=tools, max_iterations=5)
