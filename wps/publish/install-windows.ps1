# 双随机清单助手 WPS 加载项：为当前用户离线安装。
# 把 {{folder}} 文件夹复制到 %APPDATA%\kingsoft\wps\jsaddons，并在同一目录的 publish.xml 中登记（不影响其他加载项）。
$ErrorActionPreference = 'Stop'
$name = '{{name}}'
$version = '{{version}}'
$folder = "${name}_${version}"
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$source = Join-Path $here $folder
if (-not (Test-Path (Join-Path $source 'ribbon.xml'))) { throw "找不到 $folder 文件夹（应与本脚本放在同一目录）" }
$dir = Join-Path $env:APPDATA 'kingsoft\wps\jsaddons'
New-Item -ItemType Directory -Force -Path $dir | Out-Null
# Older versions of this add-in go; other add-ins stay.
Get-ChildItem -Path $dir -Directory -Filter "${name}_*" | Where-Object { $_.Name -ne $folder } | Remove-Item -Recurse -Force
Copy-Item -Path $source -Destination $dir -Recurse -Force
$xmlPath = Join-Path $dir 'publish.xml'
$doc = New-Object System.Xml.XmlDocument
if (Test-Path $xmlPath) { $doc.Load($xmlPath) } else { $doc.LoadXml('<jsplugins/>') }
$root = $doc.DocumentElement
foreach ($node in @($root.ChildNodes)) {
  if ($node.NodeType -eq 'Element' -and $node.GetAttribute('name') -eq $name) { [void]$root.RemoveChild($node) }
}
$entry = $doc.CreateElement('jsplugin')
$entry.SetAttribute('name', $name)
$entry.SetAttribute('type', 'et')
$entry.SetAttribute('url', $folder)
$entry.SetAttribute('version', $version)
$entry.SetAttribute('enable', 'enable_dev')
$entry.SetAttribute('install', 'null')
$entry.SetAttribute('customDomain', '')
[void]$root.AppendChild($entry)
$doc.Save($xmlPath)
Write-Host "已安装 $folder 到 $dir 。请关闭并重新打开 WPS，在 WPS 表格中会出现“清单助手”选项卡。"
