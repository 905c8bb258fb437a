async def scrape(page, name):
    # ruleid: py-page-evaluate-cookie
    cookies = await page.evaluate("() => document.cookie")
    # ruleid: py-page-evaluate-cookie
    token = await page.evaluate('() => localStorage.getItem("token")')
    # ruleid: py-page-evaluate-cookie
    both = await page.evaluate("(sep) => { const c = document.cookie; return c.split(sep); }", ";")
    # ok: py-page-evaluate-cookie
    title = await page.evaluate("() => document.title")
    # near miss: the word cookie appears, but not as document.cookie
    # ok: py-page-evaluate-cookie
    label = await page.evaluate("() => 'cookie banner'")
    # ok: py-page-evaluate-cookie
    other = await page.evaluate(name)
    return cookies, token, both, title, label, other
