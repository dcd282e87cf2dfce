# Sourced by ./guichet and scripts/test: installs what building and testing Guichet need when it is missing
# (Debian/Ubuntu packages, as root or through sudo). Functions only; nothing runs when sourced.

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
apt_install() {
  if ! command -v apt-get >/dev/null; then
    echo "Missing: $*. Install it with your system's package manager, then run this again." >&2
    exit 1
  fi
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  echo "Installing $*..."
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Java 17, Maven, and npm (the build installs the design system and axe-core with `npm ci`).
ensure_build_tools() {
  command -v java >/dev/null || apt_install openjdk-17-jdk-headless
  command -v mvn >/dev/null || apt_install maven
  command -v npm >/dev/null || apt_install nodejs npm
}

# Debian's Chromium and its driver for the browser tests (test tools cannot download browsers here).
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    apt_install chromium chromium-driver
  fi
}

# The integration tests use the PostgreSQL at 127.0.0.1:5432 (trust authentication) when it answers, and otherwise
# start an embedded PostgreSQL 15 themselves. Start the machine's cluster if one is installed but stopped.
start_local_postgresql() {
  if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
    if [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null; then
      as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    fi
  fi
}
