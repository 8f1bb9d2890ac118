#!/usr/bin/env bash
# Installs the Debian packages Guiyan needs when they are missing, and says what it installs.
# Usage: scripts/install-deps.sh [run|test]   (test adds what the test suite needs: Chromium, wrk, clang-format …)
set -euo pipefail
mode="${1:-run}"

packages=(build-essential cmake pkg-config librestinio-dev libasio-dev libfmt-dev
  libsqlite3-dev nlohmann-json3-dev libsodium-dev libcli11-dev libtomlplusplus-dev
  libgtest-dev libgmock-dev libjemalloc-dev libpq-dev libicu-dev liborcus-dev libixion-dev libxlsxwriter-dev
  libfreexl-dev
  nodejs npm)
if [ "$mode" = test ]; then
  packages+=(chromium fonts-wqy-microhei wrk sqlite3 postgresql python3-yaml clang-format)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# A Node.js installed outside Debian's packages (as on some build machines) is good enough.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do
    [ "$p" = nodejs ] || [ "$p" = npm ] || filtered+=("$p")
  done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "安装缺少的系统软件包 / installing missing Debian packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
