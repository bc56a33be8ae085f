# Groepsconsult application image: gunicorn behind your proxy, static files served by WhiteNoise.
# Build: docker build -t groepsconsult .   Run: see compose.yaml and docs/deployment.md.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    GC_ENV=production \
    LOG_FORMAT=json

# WeasyPrint needs Pango and HarfBuzz; fonts cover Latin, Turkish and Arabic booklets;
# gettext compiles nothing at runtime but keeps `compilemessages` available for upgrades.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
       libpango-1.0-0=1.50.* libpangoft2-1.0-0=1.50.* libharfbuzz-subset0=6.0.* \
       fonts-dejavu-core=2.37-* fonts-noto-core=20201225-* gettext=0.21-* \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app

COPY pyproject.toml README.md ./
COPY groepsconsult ./groepsconsult
COPY manage.py ./
COPY deploy ./deploy
RUN pip install --no-cache-dir uv==0.* \
    && uv pip install --system --no-cache -r pyproject.toml \
    && SECRET_KEY=build-only ALLOWED_HOSTS=build python manage.py collectstatic --noinput -v0 \
    && mkdir -p /app/var/media \
    && chown -R app:app /app/var

USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD ["python", "-c", "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"]
ENTRYPOINT ["/app/deploy/entrypoint.sh"]
CMD ["web"]
