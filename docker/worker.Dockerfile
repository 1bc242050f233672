# syntax=docker/dockerfile:1
# The escalation worker (BullMQ). Build from the repository root:
#   docker build -f docker/worker.Dockerfile -t dondoc-worker .

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
# The committed lockfile is complete, so `npm ci` installs exactly it.
RUN npm ci --no-audit --no-fund
COPY libs libs
COPY apps/worker apps/worker
RUN npx nx run-many -t build --projects=@dondoc/workflow,@dondoc/contracts,@dondoc/persistence,@dondoc/worker \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim
ENV NODE_ENV=production WORKER_HEALTH_PORT=3001
WORKDIR /app
COPY --from=build --chown=node:node /src/package.json ./
COPY --from=build --chown=node:node /src/node_modules node_modules
COPY --from=build --chown=node:node /src/libs/workflow/package.json libs/workflow/
COPY --from=build --chown=node:node /src/libs/workflow/dist libs/workflow/dist
COPY --from=build --chown=node:node /src/libs/contracts/package.json libs/contracts/
COPY --from=build --chown=node:node /src/libs/contracts/dist libs/contracts/dist
COPY --from=build --chown=node:node /src/libs/persistence/package.json libs/persistence/
COPY --from=build --chown=node:node /src/libs/persistence/dist libs/persistence/dist
COPY --from=build --chown=node:node /src/apps/worker/package.json apps/worker/
COPY --from=build --chown=node:node /src/apps/worker/dist apps/worker/dist
USER node
EXPOSE 3001
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3001/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "apps/worker/dist/main.js"]
