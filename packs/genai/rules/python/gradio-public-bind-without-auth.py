import os

import gradio as gr

from app.rag import answer

demo = gr.ChatInterface(answer, title="Policy assistant")

# ruleid: genai.gradio-public-bind-without-auth
demo.launch(server_name="0.0.0.0", server_port=7860)

# ruleid: genai.gradio-public-bind-without-auth
demo.queue(max_size=20).launch(server_name='0.0.0.0')

# ok: genai.gradio-public-bind-without-auth
demo.launch(server_name="0.0.0.0", server_port=7860, auth=lambda user, password: password == os.environ["UI_PASSWORD"])

# ok: genai.gradio-public-bind-without-auth
demo.launch(server_name="127.0.0.1", server_port=7860)

# A host chosen by configuration is not reported.
# ok: genai.gradio-public-bind-without-auth
demo.launch(server_name=os.environ.get("GRADIO_HOST", "127.0.0.1"))
