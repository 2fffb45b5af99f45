#!/usr/bin/env bash
# Installs the checkers used by tests/delivery, once per machine, into ${BOOKSTORE_CACHE:-~/.cache/bookstore}.
#   install-tools.sh [kustomize|kubeconform|actionlint|k8s-schemas]...   (none named: all of them)
# Prints one `name=path` line per tool on stdout (logs go to stderr), so callers need no path logic.
# Idempotent: a tool already in the cache is only printed. Needs go (tools) and python3 with pip (schemas).
set -euo pipefail

CACHE="${BOOKSTORE_CACHE:-$HOME/.cache/bookstore}"
BIN="$CACHE/bin"
KUSTOMIZE_VERSION=v5.8.2   # v5.8.3 needs Go >= 1.27
KUBECONFORM_VERSION=v0.8.0
ACTIONLINT_VERSION=v1.7.12
# kubeconform fetches schemas from the internet by default. The PyPI package kubernetes-validate ships
# the same JSON schemas for every recent Kubernetes release, so we take them from there.
KUBERNETES_VALIDATE_VERSION=1.37.0
K8S_VERSION=1.33.0         # the oldest Kubernetes the manifests must be valid for

export GOFLAGS="${GOFLAGS:--buildvcs=false}"
log() { printf '[install-tools] %s\n' "$*" >&2; }

# Runs "$@" under a per-name lock, so parallel jest workers never build the same thing twice.
locked() {
  local name=$1
  shift
  mkdir -p "$CACHE"
  (flock 9 && "$@") 9>"$CACHE/.lock-$name"
}

# go_tool NAME MODULE PACKAGE VERSION: builds $BIN/NAME-VERSION unless it is there already.
go_tool() {
  local name=$1 module=$2 pkg=$3 version=$4
  local out="$BIN/$name-$version"
  [[ -x $out ]] || locked "$name" build_go_tool "$name" "$module" "$pkg" "$version" "$out"
  echo "$name=$out"
}

build_go_tool() {
  local name=$1 module=$2 pkg=$3 version=$4 out=$5 tmp
  [[ -x $out ]] && return 0 # another worker built it while we waited for the lock
  command -v go >/dev/null || { log "go is needed to build $name"; return 1; }
  log "building $name $version (once per machine)"
  mkdir -p "$BIN"
  tmp=$(mktemp -d)
  local target=$module
  [[ $pkg == . ]] || target="$module/${pkg#./}"
  # `go install mod@version` asks the proxy for the module's version list, which some proxies refuse;
  # then we download the exact version and build it from a writable copy instead.
  if ! GOBIN="$tmp/bin" go install "$target@$version" 2>"$tmp/install.log"; then
    log "go install failed ($(tail -n 1 "$tmp/install.log")); building from go mod download"
    local dir
    dir=$(go mod download -json "$module@$version" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
    cp -r "$dir/." "$tmp/src" && chmod -R u+w "$tmp/src"
    (cd "$tmp/src" && go build -trimpath -o "$tmp/bin/$name" "$pkg") >&2
  fi
  mv "$tmp/bin/$name" "$out"
  rm -rf "$tmp"
}

k8s_schemas() {
  local dir="$CACHE/k8s-schemas/v$K8S_VERSION-local-strict-kv$KUBERNETES_VALIDATE_VERSION"
  [[ -f $dir/_definitions.json ]] || locked k8s-schemas fetch_k8s_schemas "$dir"
  echo "k8s-schemas=$dir"
}

fetch_k8s_schemas() {
  local dir=$1 tmp
  [[ -f $dir/_definitions.json ]] && return 0
  command -v python3 >/dev/null || { log "python3 with pip is needed for the Kubernetes schemas"; return 1; }
  log "fetching Kubernetes $K8S_VERSION JSON schemas (kubernetes-validate $KUBERNETES_VALIDATE_VERSION)"
  tmp=$(mktemp -d)
  python3 -m pip download --quiet --no-deps --only-binary=:all: -d "$tmp" \
    "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION" >&2
  # The wheel is a zip; take the one strict schema set we need (no install, no virtualenv).
  python3 - "$tmp" "v$K8S_VERSION-local-strict" <<'PY'
import glob, os, sys, zipfile
tmp, wanted = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(glob.glob(os.path.join(tmp, "*.whl"))[0]) as wheel:
    for name in wheel.namelist():
        parts = name.split("/")  # kubernetes_validate/kubernetes-json-schema/<set>/<file>.json
        if len(parts) == 4 and parts[1] == "kubernetes-json-schema" and parts[2] == wanted:
            with open(os.path.join(tmp, parts[3]), "wb") as out:
                out.write(wheel.read(name))
PY
  rm -f "$tmp"/*.whl
  # Each kind's schema refers to "/api/_definitions.json", resolved against the https $id the files
  # carry. Point those references (and the definitions' own $id) at the local file instead.
  local defs="file://$dir/_definitions.json"
  sed -i -e "s#\"/api/_definitions.json\##\"$defs\##g" \
    -e "s#\"\\\$id\": \"https://kubernetes.io/api/_definitions.json\"#\"\$id\": \"$defs\"#" "$tmp"/*.json
  mkdir -p "$(dirname "$dir")"
  rm -rf "$dir" && mv "$tmp" "$dir"
}

tools=("$@")
((${#tools[@]})) || tools=(kustomize kubeconform actionlint k8s-schemas)
for tool in "${tools[@]}"; do
  case $tool in
  kustomize) go_tool kustomize sigs.k8s.io/kustomize/kustomize/v5 . "$KUSTOMIZE_VERSION" ;;
  kubeconform) go_tool kubeconform github.com/yannh/kubeconform ./cmd/kubeconform "$KUBECONFORM_VERSION" ;;
  actionlint) go_tool actionlint github.com/rhysd/actionlint ./cmd/actionlint "$ACTIONLINT_VERSION" ;;
  k8s-schemas) k8s_schemas ;;
  *) log "unknown tool: $tool" && exit 2 ;;
  esac
done
