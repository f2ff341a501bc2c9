# Sourced by scripts: a throwaway recording SMTP server on 127.0.0.1 (scripts/test-smtp-server.py,
# aiosmtpd from the .venv that `scripts/install-deps --test` makes). Every accepted mail lands in
# DIR/smtp/NNNNNN.eml with its envelope in NNNNNN.json.
#
#   local_smtp_start DIR   sets LOCAL_SMTP_PORT
#   local_smtp_stop

local_smtp_start() {
  local dir=$1 python=${SUPPORT_INTAKE_PYTHON:-.venv/bin/python}
  mkdir -p "$dir/smtp"
  LOCAL_SMTP_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "$python" scripts/test-smtp-server.py --port "$LOCAL_SMTP_PORT" --dir "$dir/smtp" > "$dir/smtp.out" 2>&1 &
  LOCAL_SMTP_PID=$!
  local _
  for _ in $(seq 100); do
    grep -q READY "$dir/smtp.out" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "local SMTP server did not start; see $dir/smtp.out" >&2
  return 1
}

local_smtp_stop() {
  [ -n "${LOCAL_SMTP_PID:-}" ] && kill "$LOCAL_SMTP_PID" 2>/dev/null || true
}
