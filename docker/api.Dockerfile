# syntax=docker/dockerfile:1
# The API (NestJS). Build from the repository root:
#   docker build -f docker/api.Dockerfile -t dondoc-api .
# Migrations run as their own step with the same image: `node apps/api/dist/main.js migrate`.

FROM node:22-bookworm-slim AS build
WORKDIR /src
# Manifests first, so the dependency layer is cached until a manifest changes.
COPY package.json package-lock.json nx.json tsconfig.base.json .swcrc ./
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY apps/web/package.json apps/web/
COPY libs/workflow/package.json libs/workflow/
COPY libs/contracts/package.json libs/contracts/
COPY libs/persistence/package.json libs/persistence/
COPY libs/directive-parser/package.json libs/directive-parser/
COPY libs/api-client/package.json libs/api-client/
# The committed lockfile is complete (every platform's optional packages), so `npm ci` installs exactly it.
RUN npm ci --no-audit --no-fund
COPY libs libs
COPY apps/api apps/api
RUN npx nx run-many -t build --projects=@dondoc/workflow,@dondoc/contracts,@dondoc/persistence,@dondoc/directive-parser,@dondoc/api \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 WEB_DIR=
# OCR of scanned directives and images: tesseract with its Vietnamese data, pdftoppm to draw scanned PDF pages.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-vie poppler-utils \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build --chown=node:node /src/package.json ./
COPY --from=build --chown=node:node /src/node_modules node_modules
COPY --from=build --chown=node:node /src/libs/workflow/package.json libs/workflow/
COPY --from=build --chown=node:node /src/libs/workflow/dist libs/workflow/dist
COPY --from=build --chown=node:node /src/libs/contracts/package.json libs/contracts/
COPY --from=build --chown=node:node /src/libs/contracts/dist libs/contracts/dist
COPY --from=build --chown=node:node /src/libs/persistence/package.json libs/persistence/
COPY --from=build --chown=node:node /src/libs/persistence/dist libs/persistence/dist
COPY --from=build --chown=node:node /src/libs/directive-parser/package.json libs/directive-parser/
COPY --from=build --chown=node:node /src/libs/directive-parser/dist libs/directive-parser/dist
COPY --from=build --chown=node:node /src/apps/api/package.json apps/api/
COPY --from=build --chown=node:node /src/apps/api/dist apps/api/dist
RUN mkdir -p /data && chown node:node /data
ENV DATA_DIR=/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "apps/api/dist/main.js"]
