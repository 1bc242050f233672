# syntax=docker/dockerfile:1
# The board's static files behind nginx, which also proxies /api to the API replicas.
#   docker build -f docker/web.Dockerfile -t dondoc-web .

FROM node:22-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json nx.json tsconfig.base.json .swcrc ./
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY apps/web/package.json apps/web/
COPY libs/workflow/package.json libs/workflow/
COPY libs/contracts/package.json libs/contracts/
COPY libs/persistence/package.json libs/persistence/
COPY libs/directive-parser/package.json libs/directive-parser/
COPY libs/api-client/package.json libs/api-client/
RUN npm ci --no-audit --no-fund
COPY libs libs
COPY apps/web apps/web
RUN npm run build -w @dondoc/web

# Runs as an unprivileged user and listens on 8080.
FROM nginxinc/nginx-unprivileged:1.27-alpine
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /src/apps/web/dist /usr/share/nginx/html
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]
