#!/bin/sh
echo "The Prisma schema engine is not installed here. Apply migrations with 'npm run migrate -w @mais/api'." >&2
exit 1
