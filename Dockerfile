# Practice Room: one Node process serving pages, API, Yjs sync and socket.io on $PORT.
# Both stages use one exact Node release (docs/operations.md, "Image versions"); append
# @sha256:… to pin the image byte for byte. tests/integration/dockerfile.test.ts lints this file.
FROM node:24.21.0-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The install's own step (postinstall: on this image's Node 24 it has nothing to fetch).
COPY scripts/node-runtime.js scripts/ensure-node.js ./scripts/
# Exactly the committed lock, which lists every platform's optional packages.
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24.21.0-slim
LABEL org.opencontainers.image.title="Practice Room" \
      org.opencontainers.image.description="Practise workplace soft skills together, live" \
      org.opencontainers.image.licenses="MIT"
WORKDIR /app
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 DATA_DIR=/data
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
# `npm run backup` and `npm run restore` (docs/operations.md: Backups and restore).
COPY --from=build /app/scripts ./scripts
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Create the data folder before declaring the volume: later changes to it would be discarded.
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
CMD ["node", "build/main.js"]
