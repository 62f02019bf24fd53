# Build Petugas Pembina on Windows: the one-folder app, its self-test, then the installer.
# Needs: Python 3.11-3.13, and Inno Setup 6 (iscc.exe on PATH) for the installer step.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
python -m pip install -q uv
uv run pyinstaller --noconfirm --clean --log-level WARN `
    --workpath build\pyinstaller-work --distpath build\dist installer.spec
$env:QT_QPA_PLATFORM = "offscreen"
& build\dist\petugaspembina\petugaspembina.exe --self-test
if ($LASTEXITCODE -ne 0) { throw "self-test failed" }
Remove-Item Env:\QT_QPA_PLATFORM
$version = uv run python -c "import petugaspembina; print(petugaspembina.__version__)"
iscc /DAppVersion=$version build\windows\petugaspembina.iss
Write-Host "Installer: build\dist\PetugasPembina-$version-setup.exe"
