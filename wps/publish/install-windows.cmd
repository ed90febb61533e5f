@echo off
rem Installs the add-in for the current Windows user: copies the folder into %APPDATA%\kingsoft\wps\jsaddons
rem and registers it in publish.xml there. Run it from the unpacked folder; restart WPS afterwards.
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0install-windows.ps1"
pause
