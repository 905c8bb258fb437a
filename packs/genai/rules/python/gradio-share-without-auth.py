import os

import gradio as gr
from openai import OpenAI

client = OpenAI(timeout=30)


def answer(message, history):
    resp = client.chat.completions.create(model="gpt-4o-mini", max_tokens=500, messages=[{"role": "user", "content": message}])
    return resp.choices[0].message.content


demo = gr.ChatInterface(answer, title="Acme internal assistant")

if __name__ == "__main__":
    # ruleid: genai.gradio-share-without-auth
    demo.launch(share=True)

with gr.Blocks() as rag_ui:
    question = gr.Textbox()
# ruleid: genai.gradio-share-without-auth
rag_ui.queue().launch(server_port=7861, share=True, debug=True)

# ok: genai.gradio-share-without-auth
demo.launch(share=True, auth=("demo", os.environ["DEMO_PASSWORD"]))

# ok: genai.gradio-share-without-auth
demo.launch(share=False)

# ok: genai.gradio-share-without-auth
demo.launch()
