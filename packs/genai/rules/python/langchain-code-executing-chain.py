import pandas as pd
from langchain.chains import LLMMathChain
from langchain_experimental.agents import create_csv_agent, create_pandas_dataframe_agent
from langchain_experimental.llm_bash.base import LLMBashChain
from langchain_experimental.llm_symbolic_math.base import LLMSymbolicMathChain
from langchain_experimental.pal_chain import PALChain
from langchain_openai import ChatOpenAI, OpenAI

llm = OpenAI(temperature=0, timeout=30)
chat = ChatOpenAI(model="gpt-4o-mini", timeout=30)

# ruleid: genai.langchain-code-executing-chain
pal = PALChain.from_math_prompt(llm, verbose=True)

# ruleid: genai.langchain-code-executing-chain
colored = PALChain.from_colored_object_prompt(llm)

# ruleid: genai.langchain-code-executing-chain
calculator = LLMMathChain.from_llm(llm)

# ruleid: genai.langchain-code-executing-chain
symbolic = LLMSymbolicMathChain.from_llm(llm)

# ruleid: genai.langchain-code-executing-chain
bash = LLMBashChain.from_llm(llm, verbose=True)


def sales_agent(csv_path):
    df = pd.read_csv(csv_path)
    # ruleid: genai.langchain-code-executing-chain
    return create_pandas_dataframe_agent(chat, df, agent_type="tool-calling", verbose=True)


def upload_agent(uploaded_file):
    # ruleid: genai.langchain-code-executing-chain
    return create_csv_agent(chat, uploaded_file, verbose=True)


# --- near misses -----------------------------------------------------------------------------

# The explicit opt-in is reported by genai.langchain-dangerous-tool, not twice.
# ok: genai.langchain-code-executing-chain
sandboxed = create_pandas_dataframe_agent(chat, pd.DataFrame(), allow_dangerous_code=True)

# ok: genai.langchain-code-executing-chain
refused = PALChain.from_math_prompt(llm, allow_dangerous_code=False)

# A lookalike name from another library.
# ok: genai.langchain-code-executing-chain
summary = create_summary_agent(chat, pd.DataFrame())

# ok: genai.langchain-code-executing-chain
chain = LLMChainFactory.from_llm(llm)
