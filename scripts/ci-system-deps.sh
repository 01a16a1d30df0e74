#!/usr/bin/env bash
# Installs the Debian packages CI uses beyond Node: Chromium for the report's browser test and
# the AWS CLI (Debian's awscli 2.9) for the `fleet local` test. Each tool is tried on its own, so
# one that cannot install does not keep the other out; exits 1 if any is still missing (the
# tests that need it then skip with a reason).
set -uo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# Debian's CLI, not another `aws` that may be earlier on PATH (a pip install, say).
[ -x /usr/bin/aws ] || missing+=(awscli)
if [ "${#missing[@]}" -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "cannot install ${missing[*]}: needs root and apt-get" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null || echo "apt-get update failed; trying the cached lists" >&2
status=0
for package in "${missing[@]}"; do
  apt-get install -y -qq --no-install-recommends "$package" >/dev/null || { echo "could not install $package" >&2; status=1; }
done
exit $status
