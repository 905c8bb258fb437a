def configure(app, size):
    # 500 MiB
    # ruleid: py-upload-limit
    app.config["MAX_CONTENT_LENGTH"] = 500 * 1048576
    # single-quoted key is the same key
    # ruleid: py-upload-limit
    app.config['MAX_CONTENT_LENGTH'] = 101 * 1048576
    # zero bytes
    # ruleid: py-upload-limit
    app.config["MAX_CONTENT_LENGTH"] = 0 * 1024
    # exactly 100 MiB is allowed
    # ok: py-upload-limit
    app.config["MAX_CONTENT_LENGTH"] = 100 * 1048576
    # ok: py-upload-limit
    app.config["MAX_CONTENT_LENGTH"] = 16 * 1048576
    # ok: py-upload-limit
    app.config["MAX_CONTENT_LENGTH"] = 1 * 1
    # near miss: another setting
    # ok: py-upload-limit
    app.config["SEND_FILE_MAX_AGE"] = 500 * 1048576
