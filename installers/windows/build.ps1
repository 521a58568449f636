# Builds Ferry's Windows installer (installers\target\Ferry-<version>.msi) with jlink and jpackage.
#   powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1 [-NoMaven]
# Needs a JDK 17+ (JAVA_HOME or PATH) and the WiX Toolset 3.x (candle.exe, light.exe) on the PATH; jpackage builds
# an .msi only on Windows. The jpackage options live in jpackage-msi.args next to this script.
param([switch]$NoMaven)
$ErrorActionPreference = 'Stop'
$root = (Resolve-Path "$PSScriptRoot\..\..").Path
Set-Location $root
$out = "$root\installers\target"
$work = "$out\work-windows"
$bin = if ($env:JAVA_HOME) { "$env:JAVA_HOME\bin" } else { Split-Path (Get-Command jpackage).Source }

if (-not $NoMaven) {
    & "$root\mvnw.cmd" -q -B -pl app,modules/cli -am -DskipTests install
    if ($LASTEXITCODE -ne 0) { throw 'the Maven build failed' }
}
if (Test-Path $work) { Remove-Item -Recurse -Force $work }
& "$root\mvnw.cmd" -q -B -pl app,modules/cli org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies `
    -DincludeScope=runtime "-DoutputDirectory=$work\deps"
if ($LASTEXITCODE -ne 0) { throw 'copying the dependencies failed' }

$props = Get-Content "$root\modules\cli\target\classes\ferry-version.properties"
$version = ($props | Select-String '^version=(.*)$').Matches[0].Groups[1].Value
$appVersion = $version -replace '-SNAPSHOT$', ''
New-Item -ItemType Directory -Force "$work\input", "$work\javafx" | Out-Null
Copy-Item "$root\app\target\ferry-app-$version.jar", "$root\modules\cli\target\ferry-cli-$version.jar" "$work\input"
foreach ($jar in Get-ChildItem "$work\deps\*.jar") {
    if ($jar.Name -like 'javafx-*-win.jar') { Copy-Item $jar.FullName "$work\javafx" }
    elseif ($jar.Name -notlike 'javafx-*') { Copy-Item $jar.FullName "$work\input" }
}
$modules = (Get-Content "$root\installers\runtime-modules.txt" | Where-Object { $_ -and -not $_.StartsWith('#') }) -join ','
& "$bin\jlink.exe" --module-path "$work\javafx" --add-modules $modules --include-locales en --strip-debug `
    --no-header-files --no-man-pages --compress=2 --output "$work\runtime"
if ($LASTEXITCODE -ne 0) { throw 'jlink failed' }

# the CLI launcher's properties need the jar's versioned name
$cli = "$work\ferry-cli.properties"
Get-Content "$root\installers\windows\ferry-cli.properties" | Set-Content $cli
Add-Content $cli "main-jar=ferry-cli-$version.jar"
& "$bin\jpackage.exe" "@installers\windows\jpackage-msi.args" --app-version $appVersion --dest $out `
    --runtime-image "$work\runtime" --input "$work\input" --main-jar "ferry-app-$version.jar" `
    --add-launcher "ferry-cli=$cli"
if ($LASTEXITCODE -ne 0) { throw 'jpackage failed' }
Get-ChildItem "$out\Ferry-*.msi"
