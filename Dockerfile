# Production image: the express server hosting Next (admin) and Payload, on Node 20 like package.json.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 DATA_DIR=/app/data
COPY --from=build /app /app
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD node -e "fetch('http://localhost:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# dist/main.mjs is PID 1: with DATABASE_URL it is the cluster's primary (src/cluster.ts) and forks
# WEB_CONCURRENCY serving processes (default: the cores Node sees, at most 4; set it to the
# container's CPU limit, e.g. `docker run --cpus=2 -e WEB_CONCURRENCY=2`); `docker stop` (SIGTERM)
# closes them all and exits 0. Without DATABASE_URL (embedded PGlite) it serves alone.
CMD ["node", "dist/main.mjs"]
