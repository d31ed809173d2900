#!/usr/bin/env bash
# Regenerates the C# client of the API (tests/Traject.ApiClient/Generated) from the committed contract
# (tests/Traject.Tests/Contract/openapi.v1.json) with Kiota, the version pinned in .config/dotnet-tools.json.
# Run it after rewriting the contract snapshot; ApiClientTests fails while the committed client is not what this makes.
#   scripts/generate-client.sh [output folder]   (default: tests/Traject.ApiClient/Generated)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
output="${1:-tests/Traject.ApiClient/Generated}"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export KIOTA_OFFLINE_ENABLED=true KIOTA_TUTORIAL_ENABLED=false   # no update check, no hints: the same output offline

dotnet tool restore >/dev/null
dotnet tool run kiota generate \
    --language CSharp \
    --openapi tests/Traject.Tests/Contract/openapi.v1.json \
    --output "$output" \
    --class-name TrajectApiClient \
    --namespace-name Traject.ApiClient \
    --exclude-backward-compatible \
    --clean-output \
    --log-level Error
