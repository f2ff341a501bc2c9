# Sourced by scripts: a throwaway Dovecot on 127.0.0.1 (plain IMAP on a free port, everything in
# one temporary folder, nothing system-wide touched). Needs root (mail processes run as nobody).
#
#   local_dovecot_start DIR USER PASSWORD   sets LOCAL_DOVECOT_PORT; mail for USER goes into
#                                           DIR/home/USER/Maildir/new before the start
#   local_dovecot_stop DIR

local_dovecot_start() {
  local dir=$1 user=$2 password=$3
  chmod 755 "$dir"
  LOCAL_DOVECOT_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  mkdir -p "$dir/home/$user/Maildir/new" "$dir/home/$user/Maildir/cur" "$dir/home/$user/Maildir/tmp"
  echo "$user:{PLAIN}$password" > "$dir/users"
  cat > "$dir/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.1
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $dir/users
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$dir/home/%u
}
mail_location = maildir:~/Maildir
service imap-login {
  inet_listener imap {
    port = $LOCAL_DOVECOT_PORT
  }
}
CONF
  chown -R nobody:nogroup "$dir/home"
  dovecot -c "$dir/dovecot.conf"
  local _
  for _ in $(seq 50); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $LOCAL_DOVECOT_PORT), 1).recv(10)" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "local Dovecot did not start; see $dir/dovecot.log" >&2
  return 1
}

local_dovecot_stop() {
  doveadm -c "$1/dovecot.conf" stop >/dev/null 2>&1 || true
}
