#!/bin/sh
# 双随机清单助手 WPS 加载项：为当前用户离线安装（统信 UOS、银河麒麟等 Linux 桌面）。
# 把 {{folder}} 文件夹复制到 ~/.local/share/Kingsoft/wps/jsaddons，并在同一目录的 publish.xml 中登记（不影响其他加载项）。
set -eu
NAME='{{name}}'
VERSION='{{version}}'
FOLDER="${NAME}_${VERSION}"
HERE=$(cd "$(dirname "$0")" && pwd)
DIR="${HOME}/.local/share/Kingsoft/wps/jsaddons"
if [ ! -f "$HERE/$FOLDER/ribbon.xml" ]; then
  echo "找不到 $FOLDER 文件夹（应与本脚本放在同一目录）" >&2
  exit 1
fi
mkdir -p "$DIR"
for old in "$DIR/${NAME}_"*; do
  [ -d "$old" ] && [ "$old" != "$DIR/$FOLDER" ] && rm -rf "$old"
done
rm -rf "${DIR:?}/$FOLDER"
cp -R "$HERE/$FOLDER" "$DIR/"
ENTRY="<jsplugin name=\"$NAME\" type=\"et\" url=\"$FOLDER\" version=\"$VERSION\" enable=\"enable_dev\" install=\"null\" customDomain=\"\"/>"
XML="$DIR/publish.xml"
if [ -f "$XML" ] && grep -q '</jsplugins>' "$XML"; then
  TMP=$(mktemp)
  # Our old entry goes (wherever it is on its line); the new one goes before </jsplugins>.
  sed -E "s#<jsplugin(online)?[^>]*name=\"$NAME\"[^>]*/>##g" "$XML" | sed "s#</jsplugins>#  $ENTRY\n</jsplugins>#" > "$TMP"
  mv "$TMP" "$XML"
else
  printf '<jsplugins>\n  %s\n</jsplugins>\n' "$ENTRY" > "$XML"
fi
echo "已安装 $FOLDER 到 $DIR 。请关闭并重新打开 WPS，在 WPS 表格中会出现“清单助手”选项卡。"
