#!/bin/sh
# 双随机清单助手 WPS 加载项：安装或卸载（统信 UOS、银河麒麟等 Linux 桌面）。
#
#   sh install-linux.sh                  为当前用户安装：复制 {{folder}} 到 ~/.local/share/Kingsoft/wps/jsaddons，
#                                        并在同一目录的 publish.xml 中登记（不影响其他加载项）
#   sudo sh install-linux.sh             为执行 sudo 的用户安装（文件属于该用户，不装到 /root）
#   sudo sh install-linux.sh --user 用户名  为指定的用户安装
#   sudo sh install-linux.sh --all-users 为本机所有用户（/etc/passwd 中 UID ≥ 1000 的用户）及以后新建的用户（/etc/skel）安装
#   sudo sh install-linux.sh --online [URL]  在线模式：在 WPS 的 oem.ini 中写入 JsApiPlugin=true 和
#                                        JSPluginsServer=URL（默认 {{url}}jsplugins.xml），不复制文件
#   sudo sh install-linux.sh --enable    只在 oem.ini 中写入 JsApiPlugin=true（离线安装也需要）
#   sh install-linux.sh --uninstall …    卸载：删除文件夹和 publish.xml 中的登记；与 --all-users 同用则对所有用户；
#                                        与 --online 同用则删除 oem.ini 中指向本加载项的 JSPluginsServer
#   --quiet                              只输出错误（无人值守、登录脚本）
#
# 退出码：0 成功，1 出错，2 参数错误。
# Overrides for unusual machines: WPS_OEM_INI (the oem.ini to edit), PASSWD_FILE, SKEL_DIR.
set -eu

NAME='{{name}}'
VERSION='{{version}}'
FOLDER="${NAME}_${VERSION}"
DEFAULT_SERVER='{{url}}jsplugins.xml'
OFFLINE_SERVER='{{url}}offline/jsplugins.xml'
HERE=$(cd "$(dirname "$0")" && pwd)
PASSWD_FILE=${PASSWD_FILE:-/etc/passwd}
SKEL_DIR=${SKEL_DIR:-/etc/skel}
JSADDONS='.local/share/Kingsoft/wps/jsaddons'

QUIET=0
ALL_USERS=0
UNINSTALL=0
ONLINE=0
ENABLE=0
SERVER=''
FOR_USER=''

say() { [ "$QUIET" = 1 ] || printf '%s\n' "$*"; }
fail() {
  printf '%s\n' "$*" >&2
  exit 1
}
usage() {
  printf '%s\n' "用法：sh install-linux.sh [--uninstall] [--all-users | --user 用户名] [--online [URL]] [--enable] [--quiet]" >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --quiet | -q) QUIET=1 ;;
    --all-users) ALL_USERS=1 ;;
    --uninstall) UNINSTALL=1 ;;
    --enable) ENABLE=1 ;;
    --user)
      [ $# -ge 2 ] || usage
      FOR_USER=$2
      shift
      ;;
    --online)
      ONLINE=1
      case "${2:-}" in
        http://* | https://* | file://*)
          SERVER=$2
          shift
          ;;
      esac
      ;;
    *) usage ;;
  esac
  shift
done

IS_ROOT=0
[ "$(id -u)" = 0 ] && IS_ROOT=1

# --- oem.ini -----------------------------------------------------------------------------------------------------

# The oem.ini files of the WPS installations on this machine (root-owned).
oem_files() {
  if [ -n "${WPS_OEM_INI:-}" ]; then
    printf '%s\n' "$WPS_OEM_INI"
    return
  fi
  for f in /opt/kingsoft/wps-office/office6/cfgs/oem.ini \
    /opt/apps/cn.wps.wps-office-pro/files/kingsoft/wps-office/office6/cfgs/oem.ini \
    /opt/apps/cn.wps.wps-office/files/kingsoft/wps-office/office6/cfgs/oem.ini; do
    [ -f "$f" ] && printf '%s\n' "$f"
  done
  return 0
}

# Sets KEY=VALUE in [SECTION] of an ini file, keeping every other line; adds the section or key where missing.
ini_set() {
  file=$1 section=$2 key=$3 value=$4
  tmp=$(mktemp)
  awk -v s="[$section]" -v k="$key" -v v="$value" '
    function trim(x) { sub(/^[ \t]+/, "", x); sub(/[ \t\r]+$/, "", x); return x }
    /^[ \t]*\[/ {
      if (inside && !done) { print k "=" v; done = 1 }
      inside = (trim($0) == s); if (inside) seen = 1
    }
    inside && !done {
      line = $0; split(line, kv, "=")
      if (trim(kv[1]) == k) { print k "=" v; done = 1; next }
    }
    { print }
    END {
      if (!done) { if (!seen) print s; print k "=" v }
    }' "$file" >"$tmp"
  cat "$tmp" >"$file"
  rm -f "$tmp"
}

# Removes KEY from [SECTION] when its value is one of ours (this add-in's server URLs).
ini_remove_server() {
  file=$1
  tmp=$(mktemp)
  awk -v a="$DEFAULT_SERVER" -v b="$OFFLINE_SERVER" -v c="$SERVER" '
    function trim(x) { sub(/^[ \t]+/, "", x); sub(/[ \t\r]+$/, "", x); return x }
    /^[ \t]*\[/ { inside = (trim($0) == "[Server]") }
    inside {
      i = index($0, "=")
      if (i > 0 && trim(substr($0, 1, i - 1)) == "JSPluginsServer") {
        val = trim(substr($0, i + 1))
        if (val == a || val == b || (c != "" && val == c)) next
      }
    }
    { print }' "$file" >"$tmp"
  cat "$tmp" >"$file"
  rm -f "$tmp"
}

edit_oem() {
  [ "$IS_ROOT" = 1 ] || [ -n "${WPS_OEM_INI:-}" ] || fail "修改 oem.ini 需要 root 权限：请用 sudo 运行。"
  files=$(oem_files)
  [ -n "$files" ] || fail "没有找到 WPS 的 oem.ini（/opt/kingsoft/wps-office/office6/cfgs/oem.ini 等）；可用环境变量 WPS_OEM_INI 指定。"
  printf '%s\n' "$files" | while IFS= read -r f; do
    if [ "$UNINSTALL" = 1 ]; then
      ini_remove_server "$f"
      say "已从 $f 删除本加载项的 JSPluginsServer（JsApiPlugin 保留，其他加载项可能需要）。"
    else
      ini_set "$f" Support JsApiPlugin true
      if [ "$ONLINE" = 1 ]; then
        ini_set "$f" Server JSPluginsServer "${SERVER:-$DEFAULT_SERVER}"
        say "已在 $f 中写入 JsApiPlugin=true、JSPluginsServer=${SERVER:-$DEFAULT_SERVER}。"
      else
        say "已在 $f 中写入 JsApiPlugin=true。"
      fi
    fi
  done
}

# --- one user's jsaddons ------------------------------------------------------------------------------------------

# Home folder, uid and gid of a user from the passwd file: "HOME UID GID".
user_entry() {
  awk -F: -v u="$1" '$1 == u { print $6 " " $3 " " $4; exit }' "$PASSWD_FILE"
}

# Installs into (or removes from) the jsaddons folder under a home; OWNER ("uid:gid") gets the files when root.
apply_home() {
  home=$1 owner=$2
  dir="$home/$JSADDONS"
  xml="$dir/publish.xml"
  if [ "$UNINSTALL" = 1 ]; then
    [ -d "$dir" ] || return 0
    for old in "$dir/${NAME}_"*; do
      if [ -d "$old" ]; then rm -rf "$old"; fi
    done
    if [ -f "$xml" ]; then
      tmp=$(mktemp)
      sed -E "s#[[:space:]]*<jsplugin(online)?[^>]*name=\"$NAME\"[^>]*/>##g" "$xml" | grep -v '^[[:space:]]*$' >"$tmp" || true
      cat "$tmp" >"$xml"
      rm -f "$tmp"
    fi
    return 0
  fi
  mkdir -p "$dir"
  for old in "$dir/${NAME}_"*; do
    if [ -d "$old" ] && [ "$old" != "$dir/$FOLDER" ]; then rm -rf "$old"; fi
  done
  rm -rf "${dir:?}/$FOLDER"
  cp -R "$HERE/$FOLDER" "$dir/"
  entry="<jsplugin name=\"$NAME\" type=\"et\" url=\"$FOLDER\" version=\"$VERSION\" enable=\"enable_dev\" install=\"null\" customDomain=\"\"/>"
  if [ -f "$xml" ] && grep -q '</jsplugins>' "$xml"; then
    tmp=$(mktemp)
    # Our old entry goes (wherever it is on its line); the new one goes before </jsplugins>.
    sed -E "s#<jsplugin(online)?[^>]*name=\"$NAME\"[^>]*/>##g" "$xml" | sed "s#</jsplugins>#  $entry\n</jsplugins>#" >"$tmp"
    cat "$tmp" >"$xml"
    rm -f "$tmp"
  else
    printf '<jsplugins>\n  %s\n</jsplugins>\n' "$entry" >"$xml"
  fi
  if [ "$IS_ROOT" = 1 ] && [ -n "$owner" ]; then
    # The folders made above belong to the user, not to root (WPS runs as the user and rewrites publish.xml).
    d="$home"
    for part in .local share Kingsoft wps jsaddons; do
      d="$d/$part"
      chown "$owner" "$d"
    done
    chown -R "$owner" "$dir/$FOLDER" "$xml"
  fi
}

# --- main -------------------------------------------------------------------------------------------------------

if [ "$ONLINE" = 1 ] || [ "$ENABLE" = 1 ]; then
  edit_oem
  # Online mode needs no copied folder; --enable alone neither.
  [ "$ALL_USERS" = 1 ] || [ "$UNINSTALL" = 1 ] || exit 0
fi

if [ "$UNINSTALL" = 0 ] && [ ! -f "$HERE/$FOLDER/ribbon.xml" ]; then
  fail "找不到 $FOLDER 文件夹（应与本脚本放在同一目录）"
fi

done_what="已安装 $FOLDER"
[ "$UNINSTALL" = 1 ] && done_what="已卸载 $NAME"

if [ "$ALL_USERS" = 1 ]; then
  [ "$IS_ROOT" = 1 ] || fail "--all-users 需要 root 权限：请用 sudo 运行。"
  count=0
  users=$(mktemp)
  # Local users with a login (UID 1000 and up, a home that exists); nobody (65534) is left out.
  awk -F: '$3 >= 1000 && $3 < 65534 && $6 != "" { print $3 ":" $4 ":" $6 }' "$PASSWD_FILE" >"$users"
  while IFS=: read -r uid gid home; do
    [ -d "$home" ] || continue
    apply_home "$home" "$uid:$gid"
    count=$((count + 1))
  done <"$users"
  rm -f "$users"
  # New users get it from the skeleton folder when their home is made.
  apply_home "$SKEL_DIR" ""
  say "$done_what：$count 个用户，以及今后新建的用户（$SKEL_DIR）。请各用户关闭并重新打开 WPS。"
  exit 0
fi

if [ -n "$FOR_USER" ] || [ "$IS_ROOT" = 1 ]; then
  user=${FOR_USER:-${SUDO_USER:-}}
  [ -z "$FOR_USER" ] || [ "$IS_ROOT" = 1 ] || fail "--user 需要 root 权限：请用 sudo 运行。"
  if [ -z "$user" ] || [ "$user" = root ]; then
    fail "以 root 身份运行时请说明为谁安装：用普通用户运行，或 sudo（装给执行 sudo 的用户），或加 --user 用户名、--all-users（所有用户）。"
  fi
  entry=$(user_entry "$user")
  [ -n "$entry" ] || fail "在 $PASSWD_FILE 中找不到用户 $user"
  set -- $entry
  apply_home "$1" "$2:$3"
  say "$done_what（用户 $user，$1/$JSADDONS）。请关闭并重新打开 WPS。"
else
  apply_home "$HOME" ""
  say "$done_what（$HOME/$JSADDONS）。请关闭并重新打开 WPS，在 WPS 表格中会出现“清单助手”选项卡。"
fi
