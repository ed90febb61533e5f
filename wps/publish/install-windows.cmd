@echo off
rem 双随机清单助手 WPS 加载项：安装（Windows）。在解压后的文件夹中双击运行，或由登录脚本、软件分发无人值守地运行：
rem   install-windows.cmd                   为当前用户安装
rem   install-windows.cmd /allusers         为本机所有用户安装（管理员）
rem   install-windows.cmd /online [URL]     在线模式：写入 oem.ini（管理员）
rem   install-windows.cmd /enable           只写入 oem.ini 的 JsApiPlugin=true（管理员）
rem   /quiet                                无人值守：不暂停，只输出错误；退出码 0 成功，1 出错，2 参数错误
rem Runs install-windows.ps1 (Windows PowerShell 2.0 or later, as on Windows 7).
setlocal
set "DRC_QUIET="
for %%A in (%*) do (
  if /i "%%~A"=="/quiet" set "DRC_QUIET=1"
  if /i "%%~A"=="-quiet" set "DRC_QUIET=1"
)
"%SystemRoot%\System32\WindowsPowerShell\v1.0\powershell.exe" -NoProfile -ExecutionPolicy Bypass -File "%~dp0install-windows.ps1" %*
set "DRC_RC=%ERRORLEVEL%"
if not defined DRC_QUIET pause
exit /b %DRC_RC%
