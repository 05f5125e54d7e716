#!/usr/bin/env bash
# Adds a migration for both database providers: scripts/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
ef=$(command -v dotnet-ef || echo /opt/dotnet-tools/dotnet-ef)
if [ ! -x "$ef" ]; then dotnet tool install --tool-path /opt/dotnet-tools dotnet-ef --version 10.0.15 >/dev/null; ef=/opt/dotnet-tools/dotnet-ef; fi
dotnet build src/Cantate.Web -p:BuildProjectReferences=false >/dev/null
"$ef" migrations add "$name" --no-build --project src/Cantate.Web --context SqliteCantateDbContext --output-dir Persistence/Migrations/Sqlite
"$ef" migrations add "$name" --no-build --project src/Cantate.Web --context PostgresCantateDbContext --output-dir Persistence/Migrations/Postgres
