#!/usr/bin/env bash
# Builds the web tests against the last good build of the libraries (used while the libraries are being edited).
set -euo pipefail
cd "$(dirname "$0")/.."
for p in src/Cantate.Web tests/Cantate.Testing tests/Cantate.Web.Tests; do
  dotnet build "$p" -p:BuildProjectReferences=false -v q -nologo 2>&1 | grep -E " error |rror\(s\)" | sort -u
done
