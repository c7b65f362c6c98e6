# Two stages: compile TypeScript and bundle the widget and console with the dev tools (tsc,
# esbuild), then run the compiled JavaScript on the current Node LTS with production dependencies
# only. The app's files belong to root and are read-only to the `node` user that runs them; only
# /data (DATA_DIR) is writable.
FROM node:24-bookworm-slim AS build
WORKDIR /app
# A compiler for better-sqlite3, used only when no prebuilt binary fits the platform.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 DATA_DIR=/data KB_DIR=/app/kb
WORKDIR /app
# No --chown: root owns every file, and the node user can read but not change them.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/public ./public
COPY --from=build /app/kb ./kb
COPY --from=build /app/kb-questions ./kb-questions
COPY --from=build /app/nlu ./nlu
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
CMD ["node", "dist/app/main.js"]
