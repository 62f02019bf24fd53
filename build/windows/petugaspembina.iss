; Inno Setup script for Petugas Pembina (per-user install: officers rarely have admin rights).
; Built by build\windows\build.ps1 after PyInstaller has made build\dist\petugaspembina\.
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{8E0B6F0C-3C5A-4B7E-9F1D-5A2C7E4D9B11}
AppName=Petugas Pembina
AppVersion={#AppVersion}
AppPublisher=Petugas Pembina
DefaultDirName={localappdata}\Programs\Petugas Pembina
DefaultGroupName=Petugas Pembina
PrivilegesRequired=lowest
OutputDir=..\dist
OutputBaseFilename=PetugasPembina-{#AppVersion}-setup
SetupIconFile=..\..\resources\petugaspembina.ico
UninstallDisplayIcon={app}\petugaspembina.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "indonesian"; MessagesFile: "compiler:Languages\Indonesian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\dist\petugaspembina\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Petugas Pembina"; Filename: "{app}\petugaspembina.exe"
Name: "{group}\Petugas Pembina (data contoh)"; Filename: "{app}\petugaspembina.exe"; Parameters: "--demo"
Name: "{autodesktop}\Petugas Pembina"; Filename: "{app}\petugaspembina.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\petugaspembina.exe"; Description: "{cm:LaunchProgram,Petugas Pembina}"; Flags: nowait postinstall skipifsilent

; The database lives in the user's data folder (%LOCALAPPDATA%\Petugas Pembina\petugaspembina),
; not in {app}: uninstalling never deletes an officer's records.
