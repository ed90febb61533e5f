@echo off
rem 双随机清单助手 WPS 加载项：卸载（Windows）。删除本加载项的文件夹和 publish.xml 中的登记，其他加载项不受影响：
rem   uninstall-windows.cmd                 为当前用户卸载
rem   uninstall-windows.cmd /allusers       为本机所有用户卸载（管理员）
rem   uninstall-windows.cmd /online         同时删除 oem.ini 中指向本加载项的 JSPluginsServer（管理员）
rem   /quiet                                无人值守：不暂停，只输出错误；退出码 0 成功，1 出错，2 参数错误
setlocal
set "DRC_QUIET="
for %%A in (%*) do (
  if /i "%%~A"=="/quiet" set "DRC_QUIET=1"
  if /i "%%~A"=="-quiet" set "DRC_QUIET=1"
)
"%SystemRoot%\System32\WindowsPowerShell\v1.0\powershell.exe" -NoProfile -ExecutionPolicy Bypass -File "%~dp0install-windows.ps1" /uninstall %*
set "DRC_RC=%ERRORLEVEL%"
if not defined DRC_QUIET pause
exit /b %DRC_RC%
