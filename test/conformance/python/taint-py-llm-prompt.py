import requests


def summarize(client, url):
    page = requests.get(url).text
    system = f"Summarize this page:\n{page}"
    # ruleid: taint-py-llm-prompt
    client.chat.completions.create(model="m", messages=[{"role": "system", "content": system}])
    cleaned = strip_instructions(page)
    # ok: taint-py-llm-prompt
    client.chat.completions.create(model="m", messages=[{"role": "system", "content": "Summarize: " + cleaned}])
    # the page in the user message is not the sink
    # ok: taint-py-llm-prompt
    client.chat.completions.create(model="m", messages=[{"role": "system", "content": "Be brief"}, {"role": "user", "content": page}])


def from_json(client, resp):
    body = resp.json()
    rules = body["rules"]
    # ruleid: taint-py-llm-prompt
    client.chat.completions.create(model="m", messages=[{"role": "system", "content": rules}])
