# Withdrawal Commons: production image. gunicorn serves the app; whitenoise
# serves static files (hashed and compressed at build time).
FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# gettext compiles the translation catalogues (locale/*/LC_MESSAGES/django.po).
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*

COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .

# collectstatic needs settings to load; this key exists only during the build.
RUN DJANGO_SECRET_KEY=build-only-not-secret python manage.py collectstatic --noinput \
    && DJANGO_SECRET_KEY=build-only-not-secret python manage.py compile_translations \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin app \
    && chown -R app:app /app

USER app
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os, sys, urllib.request as u; host = os.environ.get('DJANGO_ALLOWED_HOSTS', 'localhost').split(',')[0].strip(); r = u.urlopen(u.Request('http://127.0.0.1:8000/healthz', headers={'Host': host}), timeout=4); sys.exit(0 if r.status == 200 else 1)"

# Run migrations as a release step (docker run IMAGE python manage.py migrate),
# not here, so several app servers can start at once.
# gunicorn.conf.py sets the worker timeout to fit the database and Redis timeouts
# and redacts private links from the access log. One container, one instance: the
# control socket lives in /tmp inside it.
ENV BIND=0.0.0.0:8000 \
    FORWARDED_ALLOW_IPS=* \
    GUNICORN_CONTROL_SOCKET=/tmp/gunicorn.ctl
CMD ["gunicorn", "withdrawal_site.wsgi:application", "--config", "gunicorn.conf.py"]
