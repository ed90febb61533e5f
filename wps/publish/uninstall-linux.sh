#!/bin/sh
# 双随机清单助手 WPS 加载项：卸载（Linux）。删除本加载项的文件夹和 publish.xml 中的登记，其他加载项不受影响：
#   sh uninstall-linux.sh                   为当前用户卸载（sudo 运行时为执行 sudo 的用户）
#   sudo sh uninstall-linux.sh --all-users  为所有用户（及 /etc/skel）卸载
#   sudo sh uninstall-linux.sh --online     同时删除 oem.ini 中指向本加载项的 JSPluginsServer
#   --quiet                                 只输出错误
exec sh "$(dirname "$0")/install-linux.sh" --uninstall "$@"
