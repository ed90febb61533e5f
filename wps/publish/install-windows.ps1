# 双随机清单助手 WPS 加载项：安装或卸载（Windows）。由 install-windows.cmd / uninstall-windows.cmd 调用，也可直接运行：
#   powershell -NoProfile -ExecutionPolicy Bypass -File install-windows.ps1 [选项]
#
#   （无选项）          为当前用户安装：复制 {{folder}} 到 %APPDATA%\kingsoft\wps\jsaddons，并在同一目录的
#                       publish.xml 中登记（不影响其他加载项）
#   /allusers           为本机所有用户及以后新建的用户（默认用户配置）安装（需要管理员权限）
#   /online [URL]       在线模式：在 WPS 的 oem.ini 中写入 JsApiPlugin=true 和 JSPluginsServer=URL
#                       （默认 {{url}}jsplugins.xml），不复制文件（需要管理员权限，WPS 装在用户目录时不需要）
#   /enable             只在 oem.ini 中写入 JsApiPlugin=true（离线安装也需要）
#   /wpsdir 目录        WPS 的安装目录（找不到 oem.ini 时指定，如 "D:\WPS Office"）
#   /uninstall          卸载：删除文件夹和 publish.xml 中的登记；与 /allusers 同用则对所有用户；与 /online 同用则
#                       删除 oem.ini 中指向本加载项的 JSPluginsServer
#   /quiet              无人值守：只输出错误，不暂停（由 .cmd 处理）
#
# 退出码：0 成功，1 出错，2 参数错误。
# Written for Windows PowerShell 2.0 (Windows 7): no Get-ChildItem -Directory, no [ordered], no -in, no
# $PSScriptRoot, no ConvertFrom-Json, no .ForEach(), no ::new(). test/hosts/wps/installers.test.ts parses it and
# checks that subset.
$ErrorActionPreference = 'Stop'
$name = '{{name}}'
$version = '{{version}}'
$folder = "${name}_${version}"
$defaultServer = '{{url}}jsplugins.xml'
$offlineServer = '{{url}}offline/jsplugins.xml'
$here = Split-Path -Parent $MyInvocation.MyCommand.Path

$quiet = $false
$allUsers = $false
$uninstall = $false
$online = $false
$enable = $false
$server = ''
$wpsDir = ''
$i = 0
while ($i -lt $args.Count) {
  $a = [string]$args[$i]
  switch -regex ($a) {
    '^[/-]quiet$' { $quiet = $true }
    '^[/-]allusers$' { $allUsers = $true }
    '^[/-]uninstall$' { $uninstall = $true }
    '^[/-]enable$' { $enable = $true }
    '^[/-]online$' {
      $online = $true
      if (($i + 1) -lt $args.Count -and ([string]$args[$i + 1]) -match '^(https?|file)://') {
        $i++
        $server = [string]$args[$i]
      }
    }
    '^[/-]wpsdir$' {
      $i++
      if ($i -ge $args.Count) { [Console]::Error.WriteLine('/wpsdir 后面要写 WPS 的安装目录'); exit 2 }
      $wpsDir = [string]$args[$i]
    }
    default {
      [Console]::Error.WriteLine("未知选项：$a。用法：install-windows.cmd [/uninstall] [/allusers] [/online [URL]] [/enable] [/wpsdir 目录] [/quiet]")
      exit 2
    }
  }
  $i++
}

function Say([string]$text) {
  if (-not $quiet) { Write-Host $text }
}

function Test-Admin {
  $identity = [Security.Principal.WindowsIdentity]::GetCurrent()
  $principal = New-Object Security.Principal.WindowsPrincipal($identity)
  return $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
}

# --- oem.ini ---------------------------------------------------------------------------------------------------------

# Every oem.ini of the WPS installations: <WPS>\<version>\office6\cfgs\oem.ini, machine-wide or in a user's profile.
function Find-OemFiles {
  $roots = @()
  if ($wpsDir -ne '') { $roots += $wpsDir }
  else {
    foreach ($base in @($env:ProgramFiles, ${env:ProgramFiles(x86)}, $env:LOCALAPPDATA)) {
      if ($base) { $roots += (Join-Path $base 'Kingsoft\WPS Office') }
    }
  }
  $found = @()
  foreach ($root in $roots) {
    if (-not (Test-Path $root)) { continue }
    $direct = Join-Path $root 'office6\cfgs\oem.ini'
    if (Test-Path $direct) { $found += $direct }
    foreach ($sub in @(Get-ChildItem -Path $root -Force | Where-Object { $_.PSIsContainer })) {
      $ini = Join-Path $sub.FullName 'office6\cfgs\oem.ini'
      if (Test-Path $ini) { $found += $ini }
    }
  }
  return $found
}

# oem.ini read and written byte for byte (Latin-1 maps every byte to one character): only our keys change, the other
# lines keep their encoding, whatever it is.
$latin1 = [System.Text.Encoding]::GetEncoding(28591)

function Read-Lines([string]$path) {
  $text = [System.IO.File]::ReadAllText($path, $latin1)
  if ($text -eq '') { return @() }
  return @($text -split "`r?`n")
}

function Write-Lines([string]$path, $lines) {
  $text = ($lines -join "`r`n")
  if (-not $text.EndsWith("`r`n")) { $text += "`r`n" }
  [System.IO.File]::WriteAllText($path, $text, $latin1)
}

# KEY=VALUE in [SECTION], every other line kept; the section or the key added where missing.
function Set-IniValue([string]$path, [string]$section, [string]$key, [string]$value) {
  $out = New-Object System.Collections.ArrayList
  $inside = $false
  $seen = $false
  $done = $false
  foreach ($line in (Read-Lines $path)) {
    $t = $line.Trim()
    if ($t.StartsWith('[')) {
      if ($inside -and -not $done) { [void]$out.Add("$key=$value"); $done = $true }
      $inside = ($t -eq "[$section]")
      if ($inside) { $seen = $true }
    }
    elseif ($inside -and -not $done -and $t.Contains('=')) {
      if ($t.Substring(0, $t.IndexOf('=')).Trim() -eq $key) {
        [void]$out.Add("$key=$value")
        $done = $true
        continue
      }
    }
    [void]$out.Add($line)
  }
  while ($out.Count -gt 0 -and $out[$out.Count - 1] -eq '') { $out.RemoveAt($out.Count - 1) }
  if (-not $done) {
    if (-not $seen) { [void]$out.Add("[$section]") }
    [void]$out.Add("$key=$value")
  }
  Write-Lines $path $out.ToArray()
}

# JSPluginsServer removed from [Server] when it is one of this add-in's addresses.
function Remove-OurServer([string]$path) {
  $ours = @($defaultServer, $offlineServer)
  if ($server -ne '') { $ours += $server }
  $out = New-Object System.Collections.ArrayList
  $inside = $false
  foreach ($line in (Read-Lines $path)) {
    $t = $line.Trim()
    if ($t.StartsWith('[')) { $inside = ($t -eq '[Server]') }
    elseif ($inside -and $t.Contains('=')) {
      $k = $t.Substring(0, $t.IndexOf('=')).Trim()
      $v = $t.Substring($t.IndexOf('=') + 1).Trim()
      if ($k -eq 'JSPluginsServer' -and ($ours -contains $v)) { continue }
    }
    [void]$out.Add($line)
  }
  Write-Lines $path $out.ToArray()
}

function Edit-Oem {
  $files = @(Find-OemFiles)
  if ($files.Count -eq 0) {
    throw '没有找到 WPS 的 oem.ini（<WPS 安装目录>\<版本号>\office6\cfgs\oem.ini）；请用 /wpsdir 指定 WPS 的安装目录。'
  }
  foreach ($f in $files) {
    if ($uninstall) {
      Remove-OurServer $f
      Say "已从 $f 删除本加载项的 JSPluginsServer（JsApiPlugin 保留，其他加载项可能需要）。"
      continue
    }
    Set-IniValue $f 'Support' 'JsApiPlugin' 'true'
    if ($online) {
      $url = $server
      if ($url -eq '') { $url = $defaultServer }
      Set-IniValue $f 'Server' 'JSPluginsServer' $url
      Say "已在 $f 中写入 JsApiPlugin=true、JSPluginsServer=$url。"
    }
    else { Say "已在 $f 中写入 JsApiPlugin=true。" }
  }
}

# --- one user's jsaddons ---------------------------------------------------------------------------------------------

function Update-Profile([string]$appData) {
  $dir = Join-Path $appData 'kingsoft\wps\jsaddons'
  $xmlPath = Join-Path $dir 'publish.xml'
  if ($uninstall -and -not (Test-Path $dir)) { return }
  if (-not $uninstall) { New-Item -ItemType Directory -Force -Path $dir | Out-Null }
  # Older versions of this add-in go (all of them on uninstall); other add-ins stay.
  foreach ($old in @(Get-ChildItem -Path $dir -Filter "${name}_*" -Force | Where-Object { $_.PSIsContainer })) {
    if ($uninstall -or $old.Name -ne $folder) { Remove-Item -Path $old.FullName -Recurse -Force }
  }
  if (-not $uninstall) { Copy-Item -Path (Join-Path $here $folder) -Destination $dir -Recurse -Force }
  $doc = New-Object System.Xml.XmlDocument
  if (Test-Path $xmlPath) { $doc.Load($xmlPath) }
  elseif ($uninstall) { return }
  else { $doc.LoadXml('<jsplugins/>') }
  $root = $doc.DocumentElement
  foreach ($node in @($root.ChildNodes)) {
    if ($node.NodeType -eq 'Element' -and $node.GetAttribute('name') -eq $name) { [void]$root.RemoveChild($node) }
  }
  if (-not $uninstall) {
    $entry = $doc.CreateElement('jsplugin')
    $entry.SetAttribute('name', $name)
    $entry.SetAttribute('type', 'et')
    $entry.SetAttribute('url', $folder)
    $entry.SetAttribute('version', $version)
    $entry.SetAttribute('enable', 'enable_dev')
    $entry.SetAttribute('install', 'null')
    $entry.SetAttribute('customDomain', '')
    [void]$root.AppendChild($entry)
  }
  $doc.Save($xmlPath)
}

# Every user profile on this PC (accounts with a profile folder), and the default profile new users are made from.
function Get-ProfileFolders {
  $list = 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList'
  $folders = @()
  foreach ($key in @(Get-ChildItem -Path $list)) {
    # S-1-5-21-…: real accounts (local or domain); the system's own profiles are left out.
    if ($key.PSChildName -notmatch '^S-1-5-21-') { continue }
    $path = (Get-ItemProperty -Path $key.PSPath).ProfileImagePath
    if ($path -and (Test-Path $path)) { $folders += [Environment]::ExpandEnvironmentVariables($path) }
  }
  $default = (Get-ItemProperty -Path $list).Default
  if ($default) { $folders += [Environment]::ExpandEnvironmentVariables($default) }
  return $folders
}

# --- main --------------------------------------------------------------------------------------------------------

try {
  if ($online -or $enable) {
    Edit-Oem
    if (-not $allUsers -and -not $uninstall) { exit 0 }
  }
  if (-not $uninstall -and -not (Test-Path (Join-Path (Join-Path $here $folder) 'ribbon.xml'))) {
    throw "找不到 $folder 文件夹（应与本脚本放在同一目录）"
  }
  $what = "已安装 $folder"
  if ($uninstall) { $what = "已卸载 $name" }
  if ($allUsers) {
    if (-not (Test-Admin)) { throw '/allusers 需要管理员权限：请右键“以管理员身份运行”，或在管理员命令行中运行。' }
    $profiles = @(Get-ProfileFolders)
    foreach ($p in $profiles) { Update-Profile (Join-Path $p 'AppData\Roaming') }
    Say "$what：$($profiles.Count) 个用户配置（含默认用户，今后新建的用户也有）。请各用户关闭并重新打开 WPS。"
  }
  else {
    Update-Profile $env:APPDATA
    Say "$what（$env:APPDATA\kingsoft\wps\jsaddons）。请关闭并重新打开 WPS，在 WPS 表格中会出现“清单助手”选项卡。"
  }
  exit 0
}
catch {
  [Console]::Error.WriteLine("出错了：$($_.Exception.Message)")
  exit 1
}
