# The web console as static files behind nginx (non-root, port 8080), which also forwards the API's
# paths to the API replicas. Build from the repository root:  docker build -f docker/web.Dockerfile -t keel-web .
# Run with KEEL_API_UPSTREAM=host:port of the API (default api:3000, the compose service).

# The npm and build stages are api.Dockerfile's, unchanged: BuildKit builds them once for both images.
FROM node:22-bookworm-slim AS npm
RUN npm install -g npm@11.19.1 --no-audit --no-fund
WORKDIR /app
ENV NX_NO_CLOUD=true NX_DAEMON=false NX_TUI=false

FROM npm AS build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p api web --outputStyle=static

# nginx ≥ 1.27.3 re-resolves upstream names (`server … resolve`); this image runs as uid 101 on 8080.
FROM nginxinc/nginx-unprivileged:1.28-alpine
ENV KEEL_API_UPSTREAM=api:3000 NGINX_ENTRYPOINT_LOCAL_RESOLVERS=1
COPY docker/nginx/default.conf.template /etc/nginx/templates/default.conf.template
COPY docker/nginx/keel-security-headers.conf /etc/nginx/keel-security-headers.conf
COPY --from=build /app/dist/apps/web /usr/share/nginx/html
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["wget", "-q", "--spider", "http://127.0.0.1:8080/web-health"]
