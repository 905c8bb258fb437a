import html

import nh3
import streamlit as st
import streamlit.components.v1 as components
from langchain_openai import ChatOpenAI
from openai import OpenAI

client = OpenAI(timeout=30)
llm = ChatOpenAI(model="gpt-4o-mini", timeout=30)

st.title("Acme assistant")
prompt = st.chat_input("Ask me anything")

if prompt:
    resp = client.chat.completions.create(model="gpt-4o-mini", max_tokens=800, messages=[{"role": "user", "content": prompt}])
    answer = resp.choices[0].message.content
    with st.chat_message("assistant"):
        # ruleid: genai.streamlit-unsafe-html-llm-output
        st.markdown(f"<div class='answer'>{answer}</div>", unsafe_allow_html=True)
        # ok: genai.streamlit-unsafe-html-llm-output
        st.markdown(answer)
        # ok: genai.streamlit-unsafe-html-llm-output
        st.markdown(nh3.clean(answer), unsafe_allow_html=True)
        # ok: genai.streamlit-unsafe-html-llm-output
        st.markdown("<hr class='divider'/>", unsafe_allow_html=True)


def render_summary(doc):
    summary = llm.invoke(f"Summarize as HTML: {doc}")
    # ruleid: genai.streamlit-unsafe-html-llm-output
    components.html(summary.content, height=600)
    # ruleid: genai.streamlit-unsafe-html-llm-output
    st.html(summary.content)
    # ok: genai.streamlit-unsafe-html-llm-output
    st.write(html.escape(summary.content), unsafe_allow_html=True)
