# Shared by the .ci scripts that test in a new Debian root. Source it after setting:
#   suite (bookworm|trixie), work (a folder in /var/tmp), root=$work/root, keep ("" or 1),
#   include (packages debootstrap adds to minbase), and a step() function.
# new_root makes the root and gives it this machine's way to the package registries (and
# nothing else of it); mount_system binds /proc, /dev and /sys; remove_root unmounts and
# removes the root, never through a mount, or keeps it (unmounted) with keep=1 (after
# stopping a systemd booted in it: see boot_systemd).
# shellcheck shell=bash

mounts_left() { findmnt -rn -o TARGET | grep "^$root/" | sort -r; }
remove_root() {
  stop_systemd
  mounts_left | xargs -r -n 1 umount -l 2>/dev/null
  # Never remove through a mount (/dev is bound in): stop if any is left.
  if [ -n "$(mounts_left)" ]; then
    echo "${0##*/}: mounts are left under $root; not removing $work" >&2
    return
  fi
  if [ -n "$keep" ]; then
    echo "${0##*/}: kept $root"
    return
  fi
  rm -rf --one-file-system "$work"
}

as_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

new_root() {
  step "debootstrap"
  if ! command -v debootstrap >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  fi
  mirror=$(sed -n 's/^URIs: *\(http[^ ]*debian\/*\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)
  mirror=${mirror:-http://deb.debian.org/debian}
  if ! debootstrap --variant=minbase --include="$include" \
    "$suite" "$root" "$mirror" >"$work/debootstrap.log" 2>&1; then
    tail -n 30 "$work/debootstrap.log"
    exit 1
  fi

  step "how this machine reaches the registries"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  for conf in /etc/apt/apt.conf.d/*; do
    if grep -q '^Acquire::' "$conf"; then cp "$conf" "$root/etc/apt/apt.conf.d/"; fi
  done
  if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
    as_root update-ca-certificates >/dev/null 2>&1
  fi
  # pip's settings here (files and PIP_* variables) as one site-wide file, and the local
  # folders and files they name at the same paths, read-only (a file:// index with the folder
  # beside its simple/ that the index links into).
  pip_conf=$(python3 -m pip config list 2>/dev/null || true)
  {
    echo "[global]"
    printf '%s\n' "$pip_conf" | sed -n "s/^[^.]*\.\([a-z-]*\)='\(.*\)'$/\1 = \2/p" | sort -u -k1,1
  } >"$root/etc/pip.conf"
  for path in $(printf '%s\n' "$pip_conf" | sed -n "s/^[^=]*='\(.*\)'$/\1/p" | tr ' ' '\n'); do
    case $path in
      file:///*/simple | file:///*/simple/) path=$(dirname "${path#file://}") ;;
      file:///*) path=${path#file://} ;;
      /*) ;;
      *) continue ;;
    esac
    [ -e "$root$path" ] && continue
    if [ -d "$path" ]; then
      mkdir -p "$root$path" && mount --bind -o ro "$path" "$root$path"
    elif [ -f "$path" ]; then
      mkdir -p "$(dirname "$root$path")" && cp "$path" "$root$path"
    fi
  done
}

mount_system() {
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  mount --rbind /sys "$root/sys"
}

# boot_systemd runs the root's systemd as PID 1 of new PID, mount and UTS namespaces (the
# root needs systemd, systemd-sysv and dbus) and waits for it to be up; from then on as_root
# runs commands inside it. stop_systemd ends it, and every process it started, at once.
# Its mounts (/proc, /run, /dev/shm ...) stay inside its namespace. (ps, pgrep: procps.)
sd_pid=""
boot_systemd() {
  step "boot systemd as PID 1 in the root"
  unshare --pid --fork --mount --uts --propagation private sh -c \
    'mount --bind "$1" "$1" && exec chroot "$1" env -i container=ci-root /lib/systemd/systemd --system' \
    sh "$root" </dev/null >"$work/systemd.log" 2>&1 &
  local deadline=$((SECONDS + 60)) state=""
  until [ -n "$sd_pid" ]; do
    sd_pid=$(pgrep -P "$!" -x systemd || true)
    [ "$SECONDS" -lt "$deadline" ] || { tail -n 20 "$work/systemd.log"; exit 1; }
    [ -n "$sd_pid" ] || sleep 0.1
  done
  as_root() { nsenter -t "$sd_pid" -m -p -u -r -w env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
  until [ "$state" = running ] || [ "$state" = degraded ]; do
    state=$(as_root systemctl is-system-running 2>/dev/null || true)
    [ "$SECONDS" -lt "$deadline" ] || { echo "systemd is $state after 60 s" >&2; exit 1; }
    sleep 0.2
  done
  echo "systemd $(as_root systemctl --version | head -n 1 | cut -d' ' -f2) is $state (pid $sd_pid here)"
}
stop_systemd() {
  [ -n "$sd_pid" ] || return 0
  kill -KILL "$sd_pid" 2>/dev/null || true # PID 1 of its namespace: all of it ends
  while kill -0 "$sd_pid" 2>/dev/null; do sleep 0.1; done
  sd_pid=""
}
