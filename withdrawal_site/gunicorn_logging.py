"""gunicorn's access log, with secrets taken out of every line before it is written.

The request line, path, query string and Referer can all carry a status reference
or a journal secret (a page's own links are same-origin, so the Referer of the
next request holds the full private URL). Each such atom is redacted, whatever
access_log_format an operator picks. Client addresses are not logged either:
the default format here leaves them out.
"""

from gunicorn.glogging import Logger

from withdrawal_site.redaction import redact

# Atoms that come from what the client sent and may hold a secret.
_REDACTED_ATOMS = ("r", "U", "q", "f", "{raw_uri}e", "{path_info}e", "{query_string}e", "{referer}i")


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for name in _REDACTED_ATOMS:
            if isinstance(atoms.get(name), str):
                atoms[name] = redact(atoms[name])
        for name, value in atoms.items():
            # Any other header or environ atom a custom format may name.
            if name.startswith("{") and isinstance(value, str):
                atoms[name] = redact(value)
        return atoms
