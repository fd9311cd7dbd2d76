#!/bin/sh
# First start of the database container: the application role the API connects as. The migration
# owner is POSTGRES_USER, which owns the database; the API grants keel_app only what it needs.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE keel_app LOGIN PASSWORD '${KEEL_APP_DB_PASSWORD}';
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
