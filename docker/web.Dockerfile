# The web console as static files behind nginx, which also load-balances /api over the API replicas.
#   docker build -f docker/web.Dockerfile -t keel-web .
FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV NX_NO_CLOUD=true NX_DAEMON=false NX_TUI=false
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run web:build --outputStyle=static

FROM nginx:1.27-alpine
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY docker/security-headers.conf /etc/nginx/snippets/security-headers.conf
COPY --from=build /app/dist/apps/web /usr/share/nginx/html
EXPOSE 8080
