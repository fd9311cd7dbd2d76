#!/bin/sh
# First start of the database container (an empty data volume): the application role the API connects
# as. The migration owner is POSTGRES_USER, who owns the database; each migration grants keel_app only
# what it needs. A later change of KEEL_APP_DB_PASSWORD needs `ALTER ROLE keel_app PASSWORD …` by hand.
set -eu
# :'app_password' makes psql quote the password as an SQL literal, whatever it contains.
psql -v ON_ERROR_STOP=1 -v app_password="$KEEL_APP_DB_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE keel_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
