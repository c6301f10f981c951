"""Test-only environment defaults, loaded as a pytest plugin (see pyproject.toml).

pytest-django reads the settings before any conftest.py runs, so these are set
here. Anything already set in the environment (DATABASE_URL for PostgreSQL in
CI, say) wins.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-for-production")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
