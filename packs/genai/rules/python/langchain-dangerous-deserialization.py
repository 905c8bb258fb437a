from langchain_community.vectorstores import FAISS, Annoy
from langchain_openai import OpenAIEmbeddings

embeddings = OpenAIEmbeddings(model="text-embedding-3-small")

# ruleid: genai.langchain-dangerous-deserialization
store = FAISS.load_local("indexes/support", embeddings, allow_dangerous_deserialization=True)

store = FAISS.load_local(
    folder_path="/mnt/shared/indexes/handbook",
    embeddings=embeddings,
    index_name="handbook",
    # ruleid: genai.langchain-dangerous-deserialization
    allow_dangerous_deserialization=True,
)

# ruleid: genai.langchain-dangerous-deserialization
annoy = Annoy.load_local("indexes/faq", embeddings, allow_dangerous_deserialization=True)


def load_tenant_index(tenant_id):
    path = f"/data/tenants/{tenant_id}/faiss"
    # ruleid: genai.langchain-dangerous-deserialization
    return FAISS.load_local(path, embeddings, allow_dangerous_deserialization=True)


# ok: genai.langchain-dangerous-deserialization
store = FAISS.load_local("indexes/support", embeddings, allow_dangerous_deserialization=False)

# ok: genai.langchain-dangerous-deserialization
store = FAISS.load_local("indexes/support", embeddings)

# A decision made in configuration is left to review (no constant propagation).
# ok: genai.langchain-dangerous-deserialization
store = FAISS.load_local("indexes/support", embeddings, allow_dangerous_deserialization=settings.trusted_index)
