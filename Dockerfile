# The API and the worker (one image, two commands), for docker-compose.yml.
FROM node:22-bookworm-slim
WORKDIR /app
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 TURBO_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
COPY . .
# The install builds the Prisma client and the widget and console bundles (postinstall); it needs
# the devDependencies, so NODE_ENV=production is set after it.
RUN npm ci --no-audit --no-fund && npm cache clean --force
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
USER node
EXPOSE 3000
CMD ["npm", "run", "serve"]
